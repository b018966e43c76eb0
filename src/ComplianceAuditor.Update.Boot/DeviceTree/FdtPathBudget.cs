using System.Buffers.Binary;
using System.Globalization;
using ComplianceAuditor.Formats.DeviceTree;

namespace ComplianceAuditor.Update.Boot.DeviceTree;

/// <summary>
/// A cheap walk over a tree's struct block, run before <see cref="FlattenedDeviceTree.Parse(ReadOnlyMemory{byte}, FdtLimits?)"/>.
/// That parser bounds depth, node and property counts, but every node it builds keeps its full path as a string made
/// when the node is read; a chain of deep nodes with long names followed by many small leaves makes each leaf's path
/// hundreds of kilobytes, gigabytes in all from a blob of a megabyte. This walk adds up the path lengths the parser
/// would build and refuses the tree when they exceed a budget. Malformed tokens end the walk quietly: reporting them is
/// the parser's job.
/// </summary>
internal static class FdtPathBudget
{
    /// <summary>Characters of all node paths together; real trees (even a FIT with dozens of images) need a few kilobytes.</summary>
    public const long MaxPathCharacters = 4L << 20;

    /// <summary>Deepest nesting U-Boot's own region walker accepts (FDT_MAX_DEPTH); nothing deeper is ever booted.</summary>
    public const int MaxDepth = 32;

    /// <summary>Null when the tree fits the budget (or is malformed in a way the parser will report), else why not.</summary>
    public static string? Check(ReadOnlySpan<byte> blob, FdtHeader header)
    {
        var end = Math.Min((long)header.StructOffset + header.StructSize, blob.Length);
        var position = (long)header.StructOffset;
        Span<long> pathLengths = stackalloc long[MaxDepth + 2];
        var depth = 0;
        long total = 0;

        // Every token moves the position forward by at least 4 bytes, so the walk ends within the struct block.
        while (position + 4 <= end)
        {
            var token = BinaryPrimitives.ReadUInt32BigEndian(blob[(int)position..]);
            position += 4;
            switch (token)
            {
                case 1:
                    var rest = blob[(int)position..(int)end];
                    var nul = rest.IndexOf((byte)0);
                    if (nul < 0)
                    {
                        return null;
                    }

                    if (depth > MaxDepth)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"nodes are nested deeper than {MaxDepth} levels (at 0x{position - 4:x})");
                    }

                    var parent = depth == 0 ? 0 : pathLengths[depth - 1];
                    pathLengths[depth] = depth == 0 ? 1 : parent + 1 + nul;
                    total += pathLengths[depth];
                    if (total > MaxPathCharacters)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"the node paths add up to more than {MaxPathCharacters} characters (at 0x{position - 4:x})");
                    }

                    depth++;
                    position += (nul + 4) & ~3;
                    break;
                case 2:
                    if (--depth <= 0)
                    {
                        return null;
                    }

                    break;
                case 3:
                    if (position + 8 > end)
                    {
                        return null;
                    }

                    position += 8 + ((BinaryPrimitives.ReadUInt32BigEndian(blob[(int)position..]) + 3L) & ~3L);
                    break;
                case 4:
                    break;
                default:
                    return null;
            }
        }

        return null;
    }
}

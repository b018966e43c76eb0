using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Formats.DeviceTree;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>
/// The bytes a FIT configuration signature covers, gathered the way U-Boot's verifier selects them: a walk over the
/// struct block that keeps every token of the nodes named in <c>hashed-nodes</c> (except the properties that locate
/// image data, so data can be moved out of the tree without breaking the signature), only the begin and end tokens of
/// their direct children, and nothing of other subtrees; then the END token; then, when the signature has
/// <c>hashed-strings</c>, that many bytes from the start of the strings block. The kept runs are hashed in order.
/// Where U-Boot would refuse the configuration (a path longer than its buffer, too deep, too many runs), so does
/// this, with the reason.
/// </summary>
internal static class FitSignedRegions
{
    /// <summary>U-Boot refuses a <c>hashed-nodes</c> list longer than this (IMAGE_MAX_HASHED_NODES).</summary>
    public const int MaxHashedNodes = 100;

    /// <summary>Node nesting U-Boot's walker allows (FDT_MAX_DEPTH), the root counting as the first level.</summary>
    private const int MaxDepth = 32;

    /// <summary>U-Boot builds each node's path in a 200-byte buffer and gives up when one does not fit.</summary>
    private const int PathBufferBytes = 200;

    private static readonly HashSet<string> ExcludedProperties = new(StringComparer.Ordinal) { "data", "data-size", "data-position", "data-offset" };

    /// <summary>The digest of the signed bytes, or null with <paramref name="problem"/> saying why U-Boot would refuse them.</summary>
    public static byte[]? Digest(
        ReadOnlySpan<byte> fit, FdtHeader header, IReadOnlyList<string> hashedNodes, uint? hashedStringsSize, HashAlgorithmName hash, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(hashedNodes);
        using var hasher = IncrementalHash.CreateHash(hash);
        var wanted = new HashSet<string>(hashedNodes, StringComparer.Ordinal);
        problem = Walk(fit, header, wanted, hasher, out var runs);
        if (problem is null && runs >= 20 + (hashedNodes.Count * 7) - 1)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the hashed nodes make {runs} separate regions, more than U-Boot allows for {hashedNodes.Count} nodes");
        }

        if (problem is null && (long)header.StringsOffset + (hashedStringsSize ?? 0) > fit.Length)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"hashed-strings covers {hashedStringsSize} bytes from 0x{header.StringsOffset:x}, past the end of the FIT");
        }

        if (problem is not null)
        {
            return null;
        }

        if (hashedStringsSize is { } size)
        {
            hasher.AppendData(fit.Slice((int)header.StringsOffset, (int)size));
        }

        return hasher.GetHashAndReset();
    }

    private static string? Walk(ReadOnlySpan<byte> fit, FdtHeader header, HashSet<string> wanted, IncrementalHash hasher, out int runs)
    {
        runs = 0;
        var start = (long)header.StructOffset;
        var end = start + header.StructSize;
        Span<int> saved = stackalloc int[MaxDepth];
        var path = new StringBuilder(PathBufferBytes);
        var depth = -1;
        var want = 0;
        long runStart = -1;
        var position = start;
        while (true)
        {
            var offset = position;
            if (offset + 4 > end)
            {
                return string.Create(CultureInfo.InvariantCulture, $"the struct block ends at 0x{end:x} before its END token");
            }

            var token = BinaryPrimitives.ReadUInt32BigEndian(fit[(int)offset..]);
            bool include;
            switch (token)
            {
                case 1:
                    var rest = fit[(int)(offset + 4)..(int)end];
                    var nul = rest.IndexOf((byte)0);
                    if (nul < 0)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"the node name at 0x{offset + 4:x} is not terminated");
                    }

                    position = offset + 4 + ((nul + 4) & ~3);
                    if (++depth == MaxDepth)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"nodes are nested deeper than U-Boot's limit of {MaxDepth}");
                    }

                    if (path.Length + 2 + nul >= PathBufferBytes)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"a node path is longer than U-Boot's {PathBufferBytes}-byte buffer");
                    }

                    // U-Boot's own path arithmetic, quirks included: after a top-level node closes the path is
                    // empty, and the next top-level node brings its own slash.
                    if (path.Length != 1)
                    {
                        path.Append('/');
                    }

                    path.Append(Encoding.Latin1.GetString(rest[..nul]));
                    saved[depth] = want;
                    want = wanted.Contains(path.ToString()) ? 2 : Math.Max(want - 1, 0);
                    include = want > 0;
                    break;
                case 2:
                    if (depth < 0)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"END_NODE at 0x{offset:x} without an open node");
                    }

                    include = want > 0;
                    want = saved[depth--];
                    path.Length = Math.Max(path.ToString().LastIndexOf('/'), 0);
                    position = offset + 4;
                    break;
                case 3:
                    if (offset + 12 > end)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"the property at 0x{offset:x} is cut off by the struct block's end");
                    }

                    var length = BinaryPrimitives.ReadUInt32BigEndian(fit[(int)(offset + 4)..]);
                    position = offset + 12 + ((length + 3L) & ~3L);
                    if (position > end || PropertyName(fit, header, BinaryPrimitives.ReadUInt32BigEndian(fit[(int)(offset + 8)..])) is not { } property)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"the property at 0x{offset:x} runs past the struct block or names no string");
                    }

                    include = want >= 2 && !ExcludedProperties.Contains(property);
                    break;
                case 4:
                    include = want >= 2;
                    position = offset + 4;
                    break;
                case 9:
                    position = offset + 4;
                    if (header.Version >= 17 && position != end)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"the END token at 0x{offset:x} is not the last of the struct block");
                    }

                    // The END token always belongs to the last region.
                    hasher.AppendData(fit[(int)(runStart < 0 ? offset : runStart)..(int)position]);
                    runs++;
                    return null;
                default:
                    return string.Create(CultureInfo.InvariantCulture, $"unknown token 0x{token:x} at 0x{offset:x}");
            }

            if (include && runStart < 0)
            {
                runStart = offset;
            }
            else if (!include && runStart >= 0)
            {
                hasher.AppendData(fit[(int)runStart..(int)offset]);
                runs++;
                runStart = -1;
            }
        }
    }

    private static string? PropertyName(ReadOnlySpan<byte> fit, FdtHeader header, uint offset)
    {
        if (offset >= header.StringsSize)
        {
            return null;
        }

        var strings = fit.Slice((int)header.StringsOffset, (int)header.StringsSize);
        var nul = strings[(int)offset..].IndexOf((byte)0);
        return nul < 0 ? null : Encoding.Latin1.GetString(strings.Slice((int)offset, nul));
    }
}

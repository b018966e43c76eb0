using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>Small positional reads of the image, failing with a squashfs message instead of a short read.</summary>
internal static class SourceReads
{
    public static ulong ReadUInt64At(this UnpackSource source, long offset, string what)
    {
        Span<byte> buffer = stackalloc byte[8];
        if (offset < 0 || source.ReadAt(offset, buffer) != buffer.Length)
        {
            throw Errors.Malformed($"{what} at 0x{offset:x} runs past the end of the image");
        }

        return BinaryPrimitives.ReadUInt64LittleEndian(buffer);
    }

    /// <summary>Reads a 64-bit image offset; values no image can reach become -1, which every range check rejects.</summary>
    public static long ReadOffsetAt(this UnpackSource source, long offset, string what)
    {
        var value = source.ReadUInt64At(offset, what);
        return value > long.MaxValue ? -1 : (long)value;
    }
}

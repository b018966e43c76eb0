using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Romfs;

/// <summary>
/// A romfs file header: four big-endian words (next header in the same directory, with the file type in its low
/// 3 bits and an executable flag in bit 3; a type-specific "spec" word; size; checksum), then the NUL-terminated name
/// padded to 16 bytes, then the data, also 16-byte aligned.
/// </summary>
internal sealed record RomfsHeader(long Offset, long Next, int Type, bool Executable, uint Spec, uint Size, string Name, long DataOffset)
{
    public const int HardLink = 0;
    public const int Directory = 1;
    public const int Regular = 2;
    public const int Symlink = 3;
    public const int BlockDevice = 4;
    public const int CharDevice = 5;
    public const int Socket = 6;
    public const int Fifo = 7;

    // Names are path components; genromfs stops at PATH_MAX, and a bound keeps a forged name from reading far.
    private const int MaxName = 4096;

    public static RomfsHeader Read(UnpackSource image, long offset)
    {
        if ((offset & 15) != 0 || offset < 16 || offset > image.Length - 16)
        {
            throw Invariant.Malformed($"romfs: file header at 0x{offset:x} is misaligned or outside the {image.Length}-byte image");
        }

        Span<byte> words = stackalloc byte[16];
        image.ReadExactly(offset, words, "romfs file header");
        var next = BinaryPrimitives.ReadUInt32BigEndian(words);
        var name = ReadName(image, offset + 16, out var nameBytes);
        return new RomfsHeader(
            offset,
            next & ~15u,
            (int)(next & 7),
            (next & 8) != 0,
            BinaryPrimitives.ReadUInt32BigEndian(words[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(words[8..]),
            name,
            offset + 16 + Align16(nameBytes + 1));
    }

    /// <summary>A NUL-terminated string at <paramref name="offset"/>; <paramref name="length"/> is its byte count.</summary>
    public static string ReadName(UnpackSource image, long offset, out int length)
    {
        var buffer = new byte[(int)Math.Min(MaxName + 1, Math.Max(0, image.Length - offset))];
        var n = image.ReadAt(offset, buffer);
        var end = Array.IndexOf(buffer, (byte)0, 0, n);
        if (end < 0)
        {
            throw Invariant.Malformed($"romfs: the name at 0x{offset:x} is not terminated within {MaxName} bytes or the image");
        }

        length = end;
        return Encoding.UTF8.GetString(buffer, 0, end);
    }

    public static long Align16(long value) => (value + 15) & ~15L;
}

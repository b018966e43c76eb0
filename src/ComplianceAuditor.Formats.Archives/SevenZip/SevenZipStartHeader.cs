using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.SevenZip;

/// <summary>
/// The 32-byte signature header of a 7z archive: magic, format version, and a CRC-protected pointer to the header at
/// the end of the archive, which gives the archive's length.
/// </summary>
internal sealed record SevenZipStartHeader(byte MinorVersion, long NextHeaderOffset, long NextHeaderSize, uint NextHeaderCrc)
{
    public const int Size = 32;

    public static ReadOnlySpan<byte> Magic => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];

    /// <summary>Signature header plus packed streams plus the end header.</summary>
    public long TotalLength => Size + NextHeaderOffset + NextHeaderSize;

    /// <summary>Null unless the magic is there, the major version is 0 and the start header's CRC matches.</summary>
    public static SevenZipStartHeader? TryParse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size || !bytes.StartsWith(Magic) || bytes[6] != 0)
        {
            return null;
        }

        if (Crc32.Compute(bytes.Slice(12, 20)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]))
        {
            return null;
        }

        var offset = BinaryPrimitives.ReadInt64LittleEndian(bytes[12..]);
        var size = BinaryPrimitives.ReadInt64LittleEndian(bytes[20..]);

        // Each below 2^62 keeps the sum clear of overflow; no real archive comes near.
        if (offset is < 0 or > (1L << 62) || size is < 0 or > (1L << 62))
        {
            return null;
        }

        return new SevenZipStartHeader(bytes[7], offset, size, BinaryPrimitives.ReadUInt32LittleEndian(bytes[28..]));
    }
}

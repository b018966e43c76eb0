using System.Buffers.Binary;
using ComplianceAuditor.Formats.Esp;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// The ESP8266 image layout (esptool's "version 1" image): the 8-byte common header with no extended header, so no
/// chip id, no appended SHA-256 and no secure boot; segments follow at offset 8. The one-byte magic 0xE9 is common
/// in any binary, so the entry point and the first segment's load address must lie in the ESP8266's memory map
/// before the bytes are taken for an image.
/// </summary>
internal static class Esp8266Image
{
    public const int HeaderSize = 8;

    /// <summary>No ESP8266 memory region is larger; a longer segment is not an image.</summary>
    private const uint MaxSegmentLength = 1 << 20;

    public static EspImageStructure? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize + 8 || bytes[0] != EspAppImage.Magic || bytes[1] is 0 or > EspAppImage.MaxSegments || bytes[2] > 5)
        {
            return null;
        }

        var entry = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        if (!IsCodeAddress(entry) || !IsLoadAddress(BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..])))
        {
            return null;
        }

        var count = bytes[1];
        var segments = new List<EspImageSegment>(count);
        var structure = new EspImageStructure
        {
            IsEsp8266 = true,
            Chip = "ESP8266",
            SegmentCount = count,
            Segments = segments,
            EntryAddress = entry,
            HashAppended = false,
        };
        long position = HeaderSize;
        byte checksum = 0xEF;
        for (var i = 0; i < count; i++)
        {
            if (position + 8 > bytes.Length)
            {
                return structure with { Problem = Invariant($"segment {i} header at 0x{position:x} lies past the end of the {bytes.Length}-byte image") };
            }

            var load = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)position..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[((int)position + 4)..]);
            if (!IsLoadAddress(load) || length > MaxSegmentLength || length % 4 != 0 || position + 8 + length > bytes.Length)
            {
                return structure with
                {
                    Problem = Invariant($"segment {i} at 0x{position:x} loads {length} bytes at 0x{load:x8} ") +
                        Invariant($"(outside the ESP8266 memory map, unaligned, or past the end of the {bytes.Length}-byte image)"),
                };
            }

            segments.Add(new EspImageSegment(load, position + 8, length));
            foreach (var b in bytes.Slice((int)position + 8, (int)length))
            {
                checksum ^= b;
            }

            position += 8 + length;
        }

        var checksumAt = position | 15;
        if (checksumAt >= bytes.Length)
        {
            return structure with { Problem = Invariant($"the checksum at 0x{checksumAt:x} lies past the end of the {bytes.Length}-byte image") };
        }

        return structure with { ImageLength = checksumAt + 1, ChecksumValid = bytes[(int)checksumAt] == checksum };
    }

    /// <summary>ROM (0x40000000) or instruction RAM (0x40100000), where the ESP8266 starts executing.</summary>
    private static bool IsCodeAddress(uint address) =>
        address is (>= 0x4000_0000 and < 0x4001_0000) or (>= 0x4010_0000 and < 0x4011_0000);

    /// <summary>Data RAM, instruction RAM, or flash mapped for code (IROM).</summary>
    private static bool IsLoadAddress(uint address) =>
        address is (>= 0x3FFE_8000 and < 0x4000_0000) or (>= 0x4010_0000 and < 0x4011_0000) or (>= 0x4020_0000 and < 0x4030_0000);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

namespace ComplianceAuditor.Formats.FileSystems.Common;

/// <summary>
/// The reflected CRC-32 (polynomial 0xEDB88320). Flash file systems disagree on the seed and the final inversion
/// (zlib's crc32 for cramfs, the kernel's raw crc32_le seeded with 0 for jffs2 and with ~0 for UBI/UBIFS), so the
/// raw register update is exposed and each format applies its own convention.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Feeds <paramref name="data"/> through the register without any inversion.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>The CRC that zlib, gzip and PNG use: seeded with ~0 and inverted at the end.</summary>
    public static uint Standard(ReadOnlySpan<byte> data) => ~Update(0xFFFF_FFFF, data);

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}

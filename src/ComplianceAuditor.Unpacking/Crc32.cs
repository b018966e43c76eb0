namespace ComplianceAuditor.Unpacking;

/// <summary>
/// The reflected CRC-32 (polynomial 0xEDB88320) every container format here uses in one convention or another:
/// zlib, gzip, xz, 7z, uImage and cramfs seed the register with ~0 and invert the result (<see cref="Compute"/>,
/// <see cref="Append"/>); jffs2 and UBI drive the raw register with their own seeds (<see cref="Update"/>).
/// Ours because System.IO.Hashing is not among the packages the project uses, and the raw register is needed anyway.
/// </summary>
public static class Crc32
{
    /// <summary>The register's value before any byte in the standard convention.</summary>
    public const uint Start = 0xFFFF_FFFF;

    private static readonly uint[] Table = BuildTable();

    /// <summary>Feeds <paramref name="data"/> through the register, without any inversion.</summary>
    public static uint Update(uint register, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            register = Table[(register ^ b) & 0xFF] ^ (register >> 8);
        }

        return register;
    }

    /// <summary>The standard CRC from a register fed from <see cref="Start"/>.</summary>
    public static uint Finish(uint register) => ~register;

    /// <summary>The standard CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(Start, data);

    /// <summary>Extends a standard CRC: <c>Append(Compute(a), b)</c> is the CRC of <c>a</c> followed by <c>b</c>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data) => ~Update(~crc, data);

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

using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Tests.Fixtures;

/// <summary>Writes ustar archives (and gzip) for Mender fixtures; a declared size can lie for hostile tests.</summary>
internal static class TarWriter
{
    public static byte[] Write(IEnumerable<(string Name, byte[] Data)> members)
    {
        using var output = new MemoryStream();
        foreach (var (name, data) in members)
        {
            output.Write(Header(name, data.Length));
            output.Write(data);
            output.Write(new byte[(512 - (data.Length % 512)) % 512]);
        }

        output.Write(new byte[1024]);
        return output.ToArray();
    }

    /// <summary>A valid ustar header (checksum included) for a regular file of <paramref name="size"/> bytes.</summary>
    public static byte[] Header(string name, long size)
    {
        var header = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(header, 0);
        Octal(header, 100, 8, 0x1A4);
        Octal(header, 108, 8, 0);
        Octal(header, 116, 8, 0);
        Octal(header, 124, 12, size);
        Octal(header, 136, 12, 1_700_000_000);
        header[156] = (byte)'0';
        "ustar\0"u8.CopyTo(header.AsSpan(257));
        "00"u8.CopyTo(header.AsSpan(263));
        "        "u8.CopyTo(header.AsSpan(148));
        var sum = header.Sum(b => b);
        Octal(header, 148, 7, sum);
        header[155] = (byte)' ';
        return header;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static void Octal(byte[] header, int at, int width, long value)
    {
        var digits = Convert.ToString(value, 8).PadLeft(width - 1, '0');
        Encoding.ASCII.GetBytes(digits.ToString(CultureInfo.InvariantCulture)).CopyTo(header, at);
    }
}

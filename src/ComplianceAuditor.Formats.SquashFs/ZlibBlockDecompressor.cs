using System.IO.Compression;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>squashfs "gzip" blocks are zlib streams (RFC 1950: a 2-byte header, deflate data, Adler-32).</summary>
internal sealed class ZlibBlockDecompressor : BlockDecompressor
{
    public override int Decompress(byte[] source, int sourceLength, byte[] destination, int limit)
    {
        using var input = new MemoryStream(source, 0, sourceLength, writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        return ReadBounded(zlib, destination, limit);
    }
}

using System.IO.Compression;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>Gzip decompression of untrusted bytes with the output bounded.</summary>
internal static class BoundedGzip
{
    /// <summary>Whether the bytes start with the gzip magic and deflate method.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 8;

    /// <summary>A stream of the decompressed bytes that fails with <see cref="InvalidDataException"/> past <paramref name="limit"/>.</summary>
    public static Stream Open(ReadOnlyMemory<byte> compressed, long limit) =>
        BoundedStream.Over(new GZipStream(new ReadOnlyMemoryStream(compressed), CompressionMode.Decompress), limit);

    /// <summary>The decompressed bytes, or null with <paramref name="problem"/> when they are damaged or larger than <paramref name="limit"/>.</summary>
    public static byte[]? TryDecompress(ReadOnlyMemory<byte> compressed, int limit, out string? problem)
    {
        problem = null;
        try
        {
            using var stream = Open(compressed, limit);
            using var output = new MemoryStream();
            stream.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            problem = "gzip data cannot be decompressed: " + e.Message;
            return null;
        }
    }
}

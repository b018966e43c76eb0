using System.IO.Compression;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Common;

/// <summary>
/// Inflates one compressed block into a buffer of the size the format allows for it. A block that would produce more
/// than that is an error rather than a silent truncation: it is either corrupt or built to exhaust memory.
/// </summary>
internal static class BoundedInflate
{
    /// <summary>Inflates a zlib stream (RFC 1950) and returns how many bytes it produced.</summary>
    /// <param name="what">Names the block in error messages ("cramfs: page 3 of /bin/sh at 0x1400").</param>
    public static int Zlib(ReadOnlySpan<byte> compressed, Span<byte> destination, string what) =>
        Run(compressed, destination, what, input => new ZLibStream(input, CompressionMode.Decompress));

    /// <summary>Inflates a raw deflate stream (RFC 1951) and returns how many bytes it produced.</summary>
    public static int Deflate(ReadOnlySpan<byte> compressed, Span<byte> destination, string what) =>
        Run(compressed, destination, what, input => new DeflateStream(input, CompressionMode.Decompress));

    private static int Run(ReadOnlySpan<byte> compressed, Span<byte> destination, string what, Func<Stream, Stream> open)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var inflater = open(input);
            var total = 0;
            while (total < destination.Length)
            {
                var n = inflater.Read(destination[total..]);
                if (n == 0)
                {
                    return total;
                }

                total += n;
            }

            Span<byte> probe = stackalloc byte[1];
            if (inflater.Read(probe) != 0)
            {
                throw Invariant.Malformed($"{what} inflates to more than {destination.Length} bytes");
            }

            return total;
        }
        catch (InvalidDataException ex)
        {
            throw new UnpackException(Invariant.Text($"{what} is not valid compressed data: {ex.Message}"), ex);
        }
    }
}

using System.Buffers;

namespace ComplianceAuditor.Repository.Objects;

/// <summary>
/// Inflates exactly as many bytes as an object's header states. The buffer grows with the data that really arrives,
/// so a header that lies about a huge size costs nothing until the data is there; a stream that ends early or goes
/// on past the stated size is malformed, as git itself holds it.
/// </summary>
internal static class ZlibData
{
    private const int Chunk = 81920;

    /// <summary>Deflate turns one byte into at most 1032 (RFC 1951's longest match from the shortest code).</summary>
    private const long MaxExpansion = 1032;

    /// <param name="compressedBytes">How many compressed bytes there can be: a stated size they cannot make is a lie.</param>
    public static byte[] ReadExactly(Stream zlib, long size, long compressedBytes)
    {
        if (size > Array.MaxLength || size > compressedBytes * MaxExpansion)
        {
            throw new InvalidDataException($"an object stated as {size} bytes cannot come from {compressedBytes} compressed bytes");
        }

        if (size <= 1 << 20)
        {
            // Small, and a size the compressed bytes can make: read straight into its own buffer.
            var data = new byte[size];
            zlib.ReadExactly(data);
            Span<byte> more = stackalloc byte[1];
            return zlib.Read(more) == 0 ? data : throw new InvalidDataException($"an object's data goes on past its stated {size} bytes");
        }

        using var output = new MemoryStream((int)Math.Min(size, 1 << 20));
        var chunk = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            while (output.Length < size)
            {
                var read = zlib.Read(chunk, 0, (int)Math.Min(Chunk, size - output.Length));
                if (read == 0)
                {
                    throw new InvalidDataException($"an object's data ends after {output.Length} of its {size} bytes");
                }

                output.Write(chunk, 0, read);
            }

            if (zlib.Read(chunk, 0, 1) != 0)
            {
                throw new InvalidDataException($"an object's data goes on past its stated {size} bytes");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.Length == output.Capacity ? output.GetBuffer() : output.ToArray();
    }
}

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

    public static byte[] ReadExactly(Stream zlib, long size)
    {
        if (size > Array.MaxLength)
        {
            throw new InvalidDataException($"an object of {size} bytes is larger than can be held");
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

using System.Buffers.Binary;
using SharpCompress.Compressors.LZMA;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// squashfs "lzma" blocks use the LZMA-alone layout: 5 property bytes, the uncompressed size as a 64-bit
/// little-endian number (all ones when unknown), then the raw LZMA stream.
/// </summary>
internal sealed class LzmaBlockDecompressor : BlockDecompressor
{
    private const int HeaderSize = 13;

    public override int Decompress(byte[] source, int sourceLength, byte[] destination, int limit)
    {
        if (sourceLength < HeaderSize)
        {
            throw new InvalidDataException("the LZMA header is cut short");
        }

        var declared = BinaryPrimitives.ReadUInt64LittleEndian(source.AsSpan(5, 8));
        if (declared != ulong.MaxValue && declared > (ulong)limit)
        {
            // The header already says the block is too large: no need to expand anything to know.
            return TooLarge;
        }

        // With an unknown size the decoder is asked for one byte beyond the limit, so that ReadBounded can tell
        // an over-long block from one that ends exactly at the limit.
        var outputSize = declared == ulong.MaxValue ? -1L : (long)declared;
        var properties = source.AsSpan(0, 5).ToArray();
        using var input = new MemoryStream(source, HeaderSize, sourceLength - HeaderSize, writable: false);
        using var lzma = LzmaStream.Create(properties, input, sourceLength - HeaderSize, outputSize, leaveOpen: false);
        return ReadBounded(lzma, destination, limit);
    }
}

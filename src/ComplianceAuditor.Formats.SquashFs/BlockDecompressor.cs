namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// Expands one squashfs block (metadata or data) with the image's compressor. Implementations are thread-safe:
/// data blocks of one file are decompressed on several threads at once.
/// </summary>
internal abstract class BlockDecompressor
{
    /// <summary>Returned by <see cref="Decompress"/> when the block expands to more than the limit.</summary>
    public const int TooLarge = -1;

    /// <summary>
    /// Decompresses <paramref name="sourceLength"/> bytes of <paramref name="source"/> into the first
    /// <paramref name="limit"/> bytes of <paramref name="destination"/>. Returns the decompressed length, or
    /// <see cref="TooLarge"/> when the block would expand beyond <paramref name="limit"/> (a decompression bomb
    /// or a corrupt block); throws (any exception) when the data is corrupt.
    /// </summary>
    public abstract int Decompress(byte[] source, int sourceLength, byte[] destination, int limit);

    /// <param name="useSystemLibraries">Whether xz and zstd may use the system's liblzma and libzstd when present.</param>
    public static BlockDecompressor For(SquashFsCompression compression, bool useSystemLibraries) => compression switch
    {
        SquashFsCompression.Gzip => new ZlibBlockDecompressor(),
        SquashFsCompression.Xz => new XzBlockDecompressor(useSystemLibraries),
        SquashFsCompression.Lzma => new LzmaBlockDecompressor(),
        SquashFsCompression.Lz4 => new Lz4BlockDecompressor(),
        SquashFsCompression.Zstd => new ZstdBlockDecompressor(useSystemLibraries),
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "no decompressor for this compressor"),
    };

    /// <summary>
    /// Fills up to <paramref name="limit"/> bytes from a decompressing stream, then asks for one byte more: any byte
    /// beyond the limit means the block is larger than the format allows, and decompression stops right there.
    /// </summary>
    protected static int ReadBounded(Stream decompressed, byte[] destination, int limit)
    {
        var total = 0;
        while (total < limit)
        {
            var n = decompressed.Read(destination, total, limit - total);
            if (n <= 0)
            {
                return total;
            }

            total += n;
        }

        Span<byte> probe = stackalloc byte[1];
        return decompressed.Read(probe) > 0 ? TooLarge : total;
    }
}

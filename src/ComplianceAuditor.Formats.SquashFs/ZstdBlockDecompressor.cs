using SharpCompress.Compressors.ZStandard;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// squashfs "zstd" blocks are single zstd frames. Decoded by the system's libzstd when it is there and allowed, else
/// by SharpCompress's port of zstd.
/// </summary>
internal sealed class ZstdBlockDecompressor(bool useSystemLibrary) : BlockDecompressor
{
    // A decompression context holds sizeable tables; one per thread avoids building them for every block while
    // staying safe for the threads that decompress the blocks of one file in parallel.
    [ThreadStatic]
    private static Decompressor? t_context;

    public override int Decompress(byte[] source, int sourceLength, byte[] destination, int limit)
    {
        if (useSystemLibrary && SystemZstd.IsAvailable)
        {
            return SystemZstd.Decode(source, sourceLength, destination, limit);
        }

        var context = t_context ??= new Decompressor();
        return context.TryUnwrap(source.AsSpan(0, sourceLength), destination.AsSpan(0, limit), out var written)
            ? written
            : TooLarge;
    }
}

using SharpCompress.Compressors.Xz;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// squashfs "xz" blocks are complete .xz streams, one per block, possibly with a BCJ filter. Decoded by the system's
/// liblzma when it is there and allowed, else (and for blocks that want a dictionary beyond its memory limit) by
/// SharpCompress.
/// </summary>
internal sealed class XzBlockDecompressor(bool useSystemLibrary) : BlockDecompressor
{
    public override int Decompress(byte[] source, int sourceLength, byte[] destination, int limit)
    {
        if (useSystemLibrary && SystemLzma.IsAvailable)
        {
            var length = SystemLzma.Decode(source, sourceLength, destination, limit);
            if (length != SystemLzma.OverMemoryLimit)
            {
                return length;
            }
        }

        using var input = new MemoryStream(source, 0, sourceLength, writable: false);
        using var xz = new XZStream(input);
        return ReadBounded(xz, destination, limit);
    }
}

using K4os.Compression.LZ4;

namespace ComplianceAuditor.Formats.SquashFs;

/// <summary>
/// squashfs "lz4" blocks are raw LZ4 blocks without a frame, so the decoder cannot tell a block that is too large
/// from a corrupt one: both fail to fit the limit and are reported as <see cref="BlockDecompressor.TooLarge"/>.
/// </summary>
internal sealed class Lz4BlockDecompressor : BlockDecompressor
{
    public override int Decompress(byte[] source, int sourceLength, byte[] destination, int limit)
    {
        var n = LZ4Codec.Decode(source.AsSpan(0, sourceLength), destination.AsSpan(0, limit));
        return n < 0 ? TooLarge : n;
    }
}

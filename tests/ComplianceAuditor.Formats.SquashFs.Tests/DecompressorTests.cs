using System.IO.Compression;
using System.Runtime.InteropServices;
using K4os.Compression.LZ4;
using SharpCompress.Compressors.LZMA;
using SharpCompress.Compressors.ZStandard;

namespace ComplianceAuditor.Formats.SquashFs.Tests;

/// <summary>
/// Each block decompressor, on the system libraries and on the managed decoders: exact output for a block that fits,
/// <see cref="BlockDecompressor.TooLarge"/> for a block that expands past the limit (a bomb), an error for garbage.
/// </summary>
public sealed class DecompressorTests
{
    private const int Limit = 4096;

    // `xz --format=xz --check=crc32 --lzma2=dict=64KiB` (XZ Utils 5.4.1, via Python's lzma module) of
    // "squashfs xz block " x 100, and of 65536 zero bytes.
    private const string XzText = "fd377a585a0000016922de360200210108000000d80f2313e0070700235d00399c4b0208682d1c39227084bc006b80e365e4b74a1d99786c1f6c4a837e471c0fce0000008a4e611000013b880e000000d3afa1cc3e300d8b020000000001595a";
    private const string XzZeros = "fd377a585a0000016922de360200210108000000d80f2313e0ffff004c5d00006ffdffffa3b7ff473e481572396151b89228e6a38607f9eee41e82d32fc53a3c014bb17ec98a8a4d2fa30dd97fa6e38c231153e05918c5758ae277f8b6947f0c6ac0de7449645c9e3ad10000eb8e97d70001648080040000e437860b3e300d8b020000000001595a";

    private static readonly byte[] Text = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("squashfs xz block ", 100)));

    /// <summary>The superblock's compressor id (1 gzip, 2 lzma, 4 xz, 5 lz4, 6 zstd), and whether system libraries may be used.</summary>
    public static TheoryData<int, bool> Decompressors() => new()
    {
        { 1, false },
        { 4, true },
        { 4, false },
        { 2, false },
        { 5, false },
        { 6, true },
        { 6, false },
    };

    [Theory]
    [MemberData(nameof(Decompressors))]
    public void A_block_that_fits_decompresses_exactly(int compressorId, bool system)
    {
        var compression = (SquashFsCompression)compressorId;
        var block = Compress(compression, Text);
        var output = new byte[Limit];

        var length = BlockDecompressor.For(compression, system).Decompress(block, block.Length, output, Limit);

        Assert.Equal(Text, output.AsSpan(0, length).ToArray());
    }

    [Theory]
    [MemberData(nameof(Decompressors))]
    public void A_block_that_expands_past_the_limit_is_too_large(int compressorId, bool system)
    {
        var compression = (SquashFsCompression)compressorId;
        var block = Compress(compression, new byte[65536]);
        var output = new byte[Limit];

        var length = BlockDecompressor.For(compression, system).Decompress(block, block.Length, output, Limit);

        Assert.Equal(BlockDecompressor.TooLarge, length);
    }

    [Theory]
    [MemberData(nameof(Decompressors))]
    public void Garbage_is_an_error_not_output(int compressorId, bool system)
    {
        var compression = (SquashFsCompression)compressorId;
        var garbage = new byte[300];
        new Random(3).NextBytes(garbage);
        var output = new byte[Limit];

        // Raw LZ4 has no header or checksum: garbage can only be told by failing to fit (TooLarge); the others
        // throw, and the image layer turns any exception into an UnpackException naming the block.
        try
        {
            var length = BlockDecompressor.For(compression, system).Decompress(garbage, garbage.Length, output, Limit);
            Assert.Equal(BlockDecompressor.TooLarge, length);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.NotEqual(SquashFsCompression.Lz4, compression);
        }
    }

    [Fact]
    public void The_system_libraries_are_used_wherever_the_loader_finds_them()
    {
        // Otherwise the "system" rows above would quietly test the managed decoders twice.
        Assert.Equal(NativeLibrary.TryLoad("liblzma.so.5", out _), SystemLzma.IsAvailable);
        Assert.Equal(NativeLibrary.TryLoad("libzstd.so.1", out _), SystemZstd.IsAvailable);
    }

    private static byte[] Compress(SquashFsCompression compression, byte[] data)
    {
        switch (compression)
        {
            case SquashFsCompression.Gzip:
                using (var output = new MemoryStream())
                {
                    using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
                    {
                        zlib.Write(data);
                    }

                    return output.ToArray();
                }

            case SquashFsCompression.Xz:
                return Convert.FromHexString(data.Length == Text.Length ? XzText : XzZeros);

            case SquashFsCompression.Lzma:
                using (var output = new MemoryStream())
                {
                    // LZMA-alone: the encoder's 5 property bytes, the size as 8 little-endian bytes, the stream.
                    using var encoded = new MemoryStream();
                    using (var lzma = LzmaStream.Create(new LzmaEncoderProperties(), false, encoded))
                    {
                        lzma.Write(data);
                        output.Write(lzma.Properties);
                    }

                    output.Write(BitConverter.GetBytes((long)data.Length));
                    output.Write(encoded.ToArray());
                    return output.ToArray();
                }

            case SquashFsCompression.Lz4:
                var target = new byte[LZ4Codec.MaximumOutputSize(data.Length)];
                return target.AsSpan(0, LZ4Codec.Encode(data, target)).ToArray();

            default:
                using (var zstd = new Compressor(3))
                {
                    return zstd.Wrap(data).ToArray();
                }
        }
    }
}

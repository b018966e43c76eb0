using System.Buffers.Binary;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs.Tests;

/// <summary>Header validation: the magic number alone never makes an image.</summary>
public sealed class IdentifyTests
{
    private static readonly SquashFsReader Reader = new();

    private static byte[] Gzip => File.ReadAllBytes(Images.Fixture("gzip.sqfs"));

    [Theory]
    [InlineData("gzip.sqfs", "gzip", 128)]
    [InlineData("xz.sqfs", "xz", 128)]
    [InlineData("lzma.sqfs", "lzma", 128)]
    [InlineData("lz4.sqfs", "lz4", 128)]
    [InlineData("zstd.sqfs", "zstd", 128)]
    [InlineData("lzo.sqfs", "lzo", 128)]
    [InlineData("gzip-4k.sqfs", "gzip", 4)]
    public void Recognises_each_fixture_with_its_compressor_inode_count_and_block_size(string image, string compressor, int blockKiB)
    {
        var bytes = File.ReadAllBytes(Images.Fixture(image));

        var match = Reader.Identify(bytes, bytes.Length);

        // Inodes: one per manifest line except the second name of the hard link, plus the root directory.
        var manifest = File.ReadAllLines(Images.Fixture("manifest.tsv")).Where(l => !l.StartsWith('#')).ToList();
        var inodes = manifest.Count - manifest.Count(l => l.Split('\t')[1] == "hardlink") + 1;
        Assert.NotNull(match);
        Assert.Equal(Images.Invariant($"squashfs 4.0, {compressor}, {inodes} inodes, block {blockKiB} KiB"), match.Description);
    }

    [Fact]
    public void Length_is_bytes_used_so_the_padding_after_the_image_is_left_out()
    {
        var padded = Gzip;
        var unpadded = File.ReadAllBytes(Images.Fixture("lz4.sqfs")); // built with -nopad

        var paddedMatch = Reader.Identify(padded, padded.Length);
        var unpaddedMatch = Reader.Identify(unpadded, unpadded.Length);

        Assert.Equal(BinaryPrimitives.ReadInt64LittleEndian(padded.AsSpan(40)), paddedMatch!.Length);
        Assert.True(paddedMatch.Length < padded.Length, "mksquashfs pads to 4 KiB by default");
        Assert.Equal(unpadded.Length, unpaddedMatch!.Length);
    }

    [Fact]
    public void Recognises_an_image_from_its_first_bytes_only()
    {
        var bytes = Gzip;

        var match = Reader.Identify(bytes.AsSpan(0, 128), bytes.Length);

        Assert.NotNull(match);
    }

    [Fact]
    public void Signatures_are_the_two_byte_orders_of_the_magic()
    {
        Assert.Equal(["hsqs", "sqsh"], Reader.Signatures.Select(s => System.Text.Encoding.ASCII.GetString(s.Magic)));
        Assert.All(Reader.Signatures, s => Assert.Equal(0, s.OffsetInImage));
    }

    public static TheoryData<int, byte[], string> Broken_headers() => new()
    {
        { 12, BitConverter.GetBytes(3000u), "block size 3000 is not a power of two" },
        { 12, BitConverter.GetBytes(2u << 20), "block size 2097152 is not a power of two between 4 KiB and 1 MiB" },
        { 22, BitConverter.GetBytes((ushort)16), "block_log 16 does not match the block size 131072" },
        { 20, BitConverter.GetBytes((ushort)7), "unknown compressor id 7" },
        { 30, BitConverter.GetBytes((ushort)1), "version 4.1, not 4.0" },
        { 28, BitConverter.GetBytes((ushort)5), "version 5.0, not 4.0" },
        { 64, BitConverter.GetBytes(0x7fff_0000L), "inode table at 0x7fff0000" },
        { 48, BitConverter.GetBytes(0x7fff_0000L), "id table index at 0x7fff0000 is outside the image" },
        { 26, BitConverter.GetBytes((ushort)0), "the id table is empty" },
        { 4, BitConverter.GetBytes(0u), "inode count 0" },
        { 32, BitConverter.GetBytes(0x7fff_0000_0000L), "root inode reference 0x7fff00000000 is outside the inode table" },
    };

    [Theory]
    [MemberData(nameof(Broken_headers))]
    public void Rejects_a_header_with_one_field_wrong_and_Read_says_which(int offset, byte[] value, string reason)
    {
        var bytes = Gzip;
        Assert.NotNull(Reader.Identify(bytes, bytes.Length)); // the unmodified header is fine
        value.CopyTo(bytes, offset);

        Assert.Null(Reader.Identify(bytes, bytes.Length));
        var error = Assert.Throws<UnpackException>(() => Reader.Read(UnpackSource.FromBytes("broken.sqfs", bytes), Images.Context()));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_image_longer_than_the_data_available()
    {
        var bytes = Gzip;
        var bytesUsed = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(40));

        Assert.NotNull(Reader.Identify(bytes, bytesUsed));
        Assert.Null(Reader.Identify(bytes, bytesUsed - 1));
    }

    [Fact]
    public void Rejects_the_magic_number_followed_by_anything_else()
    {
        // "hsqs" inside code or data, followed by bytes that are not a superblock.
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[256];
            random.NextBytes(bytes);
            "hsqs"u8.CopyTo(bytes);
            Assert.Null(Reader.Identify(bytes, 1 << 20));
            "sqsh"u8.CopyTo(bytes);
            Assert.Null(Reader.Identify(bytes, 1 << 20));
        }
    }

    [Fact]
    public void Rejects_a_head_too_short_for_a_superblock()
    {
        Assert.Null(Reader.Identify(Gzip.AsSpan(0, 95), 1 << 20));
        Assert.Null(Reader.Identify([], 0));
    }

    [Fact]
    public void Identify_never_throws_on_mutated_headers()
    {
        var original = Gzip.AsSpan(0, 128).ToArray();
        var random = new Random(1234);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                bytes[random.Next(4, bytes.Length)] = (byte)random.Next(256);
            }

            var match = Reader.Identify(bytes, random.Next(0, 2) == 0 ? 1 << 20 : random.NextInt64(0, long.MaxValue));
            if (match is not null)
            {
                Assert.True(match.Length is > 0, "a recognised image has a length");
            }
        }
    }
}

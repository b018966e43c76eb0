using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;
using Xunit.Abstractions;

namespace ComplianceAuditor.Formats.Archives.Tests;

public sealed class CompressedStreamTests(ITestOutputHelper output)
{
    public static TheoryData<string> Streams() => [.. Fixtures.Lines("streams.tsv").Select(f => f[0])];

    [Theory]
    [MemberData(nameof(Streams))]
    public void Each_stream_decompresses_to_the_file_the_tool_compressed(string fixture)
    {
        var expected = Fixtures.Lines("streams.tsv").Single(f => f[0] == fixture);
        var reader = ReaderFor(expected[1]);
        var bytes = Fixtures.Bytes(fixture);

        var match = reader.Identify(bytes, bytes.Length);
        var extracted = Assert.Single(Fixtures.ReadAll(reader, UnpackSource.FromBytes(fixture, bytes)));

        Assert.NotNull(match);
        Assert.Equal(expected[2], extracted.Entry.Path);
        Assert.Equal(EntryType.File, extracted.Entry.Type);
        Assert.Equal(long.Parse(expected[3], CultureInfo.InvariantCulture), extracted.ContentLength);
        Assert.Equal(expected[4], extracted.Sha256);
    }

    [Theory]
    [InlineData("payload.txt.gz", "gzip")]
    [InlineData("payload.txt.bz2", "bzip2")]
    [InlineData("payload.txt.xz", "xz")]
    [InlineData("payload.txt.lzma", "lzma")]
    [InlineData("payload.txt.zst", "zstd")]
    public void Data_after_the_stream_is_not_part_of_it(string fixture, string format)
    {
        var expected = Fixtures.Lines("streams.tsv").Single(f => f[0] == fixture);
        byte[] blob = [.. Fixtures.Bytes(fixture), .. "the next partition of a carved blob starts here\n"u8, .. new byte[1000]];

        var extracted = Assert.Single(Fixtures.ReadAll(ReaderFor(format), UnpackSource.FromBytes(fixture, blob)));

        Assert.Equal(expected[4], extracted.Sha256);
    }

    [Theory]
    [InlineData("payload.txt.bz2", "bzip2")]
    [InlineData("payload.txt.xz", "xz")]
    [InlineData("payload.txt.zst", "zstd")]
    public void Concatenated_streams_are_one_output(string fixture, string format)
    {
        var bytes = Fixtures.Bytes(fixture);
        var payload = PayloadTwice();

        byte[] twice = [.. bytes, .. bytes];

        var extracted = Assert.Single(Fixtures.ReadAll(ReaderFor(format), UnpackSource.FromBytes(fixture, twice)));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(payload)), extracted.Sha256);
    }

    [Fact]
    public void Gzip_names_the_entry_after_the_stored_file_name()
    {
        var entry = new GzipFormatReader().Read(Fixtures.Source("payload-named.gz"), Fixtures.Context()).Single();

        Assert.Equal("payload.txt", entry.Path);
        Assert.Contains("2023-11-14 22:13:20Z", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_name_that_climbs_out_is_cut_to_its_last_component()
    {
        var entry = Assert.Single(Fixtures.ReadAll(new GzipFormatReader(), Fixtures.Source("hostile/fname-traversal.gz")));

        Assert.Equal("passwd", entry.Entry.Path);
    }

    [Theory]
    [InlineData("../..", "data")]
    [InlineData("a\\b\\c.bin", "c.bin")]
    [InlineData("dir/", "data")]
    [InlineData("bell\u0007.txt", "bell.txt")]
    public void Stored_gzip_names_are_reduced_to_one_harmless_component(string stored, string expected) =>
        Assert.Equal(expected, GzipFormatReader.EntryName(stored));

    [Fact]
    public void A_truncated_gzip_fails_while_reading_and_says_truncated()
    {
        var entry = new GzipFormatReader().Read(Fixtures.Source("hostile/truncated.gz"), Fixtures.Context()).Single();

        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadContent(entry));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_whose_trailer_disagrees_with_its_data_fails_with_a_CRC_message()
    {
        var bytes = Fixtures.Bytes("payload.txt.gz");
        bytes[^6] ^= 0xFF;
        var entry = new GzipFormatReader().Read(UnpackSource.FromBytes("g", bytes), Fixtures.Context()).Single();

        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadContent(entry));

        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_bomb_streams_lazily_and_its_size_is_not_taken_from_it()
    {
        var entry = new GzipFormatReader().Read(Fixtures.Source("hostile/bomb.gz"), Fixtures.Context()).Single();
        Assert.Equal(ArchiveFormatReaders.UnknownSize, entry.Size);

        using var content = entry.Open!();
        var buffer = new byte[64 * 1024];
        var before = GC.GetAllocatedBytesForCurrentThread();
        long read = 0;
        while (read < (1 << 20))
        {
            read += content.Read(buffer, 0, buffer.Length);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The whole output is 32 MiB; reading the first MiB must not have produced (or buffered) much more than that.
        Assert.True(allocated < 4 << 20, $"reading 1 MiB of the bomb allocated {allocated} bytes");
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [SharedFact("corpus/binwalk/tests/inputs/gzip.bin")]
    public void Reads_the_binwalk_gzip_sample_as_an_independent_decoder_does()
    {
        var path = Path.Combine(RepositoryPaths.Shared, "corpus", "binwalk", "tests", "inputs", "gzip.bin");
        var bytes = File.ReadAllBytes(path);
        using var reference = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var expected = new MemoryStream();
        reference.CopyTo(expected);

        var reader = new GzipFormatReader();
        var match = reader.Identify(bytes, bytes.Length);
        var entry = reader.Read(UnpackSource.FromBytes("gzip.bin", bytes), Fixtures.Context()).Single();

        Assert.NotNull(match);
        Assert.Equal("lsb-release", entry.Path);
        Assert.Equal(expected.ToArray(), Fixtures.ReadContent(entry));
    }

    [Fact]
    public void Lzma_declares_the_size_its_header_gives()
    {
        var bytes = Fixtures.Bytes("payload.txt.lzma");
        BitConverter.GetBytes(10800L).CopyTo(bytes, 5);

        var extracted = Assert.Single(Fixtures.ReadAll(new LzmaFormatReader(), UnpackSource.FromBytes("l", bytes)));

        Assert.Equal(10800, extracted.Entry.Size);
        Assert.Equal(10800, extracted.ContentLength);
    }

    [Theory]
    [InlineData(20000, 0)] // the end marker comes before the declared size
    [InlineData(10800, 130)] // the data stops in the middle
    public void Lzma_that_ends_early_fails_while_reading(long declaredSize, int cut)
    {
        var bytes = Fixtures.Bytes("payload.txt.lzma");
        BitConverter.GetBytes(declaredSize).CopyTo(bytes, 5);
        var entry = new LzmaFormatReader().Read(UnpackSource.FromBytes("l", bytes.AsMemory(0, bytes.Length - cut)), Fixtures.Context()).Single();

        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadContent(entry));

        Assert.StartsWith("lzma: entry 'data': the compressed data is corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lzma_asking_for_a_huge_dictionary_is_decoded_with_a_capped_one_and_a_warning()
    {
        var bytes = Fixtures.Bytes("payload.txt.lzma");
        BitConverter.GetBytes(3u << 29).CopyTo(bytes, 1);
        var warnings = new List<string>();
        var expected = Fixtures.Lines("streams.tsv").Single(f => f[0] == "payload.txt.lzma");

        var extracted = Assert.Single(Fixtures.ReadAll(new LzmaFormatReader(), UnpackSource.FromBytes("l", bytes), warnings));

        // The payload never reaches back more than 64 MiB, so the capped dictionary decodes it all the same.
        Assert.Equal(expected[4], extracted.Sha256);
        Assert.Contains(warnings, w => w.Contains("1536 MiB dictionary", StringComparison.Ordinal));
    }

    [Fact]
    public void Zstd_asking_for_a_2_GiB_window_fails_instead_of_allocating_it()
    {
        var bytes = Fixtures.Bytes("hostile/zstd-window.zst");
        var reader = new ZstdFormatReader();
        var entry = reader.Read(UnpackSource.FromBytes("z", bytes), Fixtures.Context()).Single();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadContent(entry));

        Assert.NotNull(reader.Identify(bytes, bytes.Length));
        Assert.Contains("too much memory", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 20);
    }

    [Fact]
    public void Zstd_declares_the_content_size_of_its_frame()
    {
        var entry = new ZstdFormatReader().Read(Fixtures.Source("payload.txt.zst"), Fixtures.Context()).Single();

        Assert.Equal(10800, entry.Size);
    }

    [Fact]
    public void Lz4_is_recognised_but_reading_it_names_the_missing_decoder()
    {
        var reader = new Lz4FormatReader();
        var bytes = Fixtures.Bytes("payload.txt.lz4");

        var match = reader.Identify(bytes, bytes.Length);
        var error = Assert.Throws<ReaderUnavailableException>(() => reader.Read(UnpackSource.FromBytes("l", bytes), Fixtures.Context()).ToList());

        Assert.NotNull(match);
        Assert.Contains("10800 bytes", match.Description, StringComparison.Ordinal);
        Assert.Contains("'lz4'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payload.txt.gz", "gzip", 3, 0x20)] // a reserved flag bit
    [InlineData("payload.txt.gz", "gzip", 8, 0x07)] // an extra-flags value no compressor writes
    [InlineData("payload.txt.bz2", "bzip2", 3, 0x30)] // block size digit '0'
    [InlineData("payload.txt.bz2", "bzip2", 5, 0x40)] // block magic
    [InlineData("payload.txt.xz", "xz", 8, 0x01)] // stream header CRC
    [InlineData("payload.txt.lzma", "lzma", 0, 0xA0)] // properties byte 225 or more
    [InlineData("payload.txt.lzma", "lzma", 2, 0x13)] // a dictionary size no tool writes
    [InlineData("payload.txt.lzma", "lzma", 13, 0x01)] // first range coder byte not zero
    [InlineData("payload.txt.zst", "zstd", 4, 0x08)] // reserved descriptor bit
    [InlineData("payload.txt.lz4", "lz4", 6, 0x01)] // descriptor check byte no longer matches
    public void Identify_checks_the_header_not_just_the_magic(string fixture, string format, int offset, byte flip)
    {
        var reader = ReaderFor(format);
        var bytes = Fixtures.Bytes(fixture);
        Assert.NotNull(reader.Identify(bytes, bytes.Length));

        bytes[offset] ^= flip;

        Assert.Null(reader.Identify(bytes, bytes.Length));
    }

    [Fact]
    public void Lzma_is_not_seen_in_random_data()
    {
        var random = new byte[1 << 20];
        new Random(11).NextBytes(random);
        var reader = new LzmaFormatReader();

        var hits = Enumerable.Range(0, random.Length - 64).Count(i => reader.Identify(random.AsSpan(i, 64), random.Length - i) is not null);

        Assert.Equal(0, hits);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("bzip2")]
    [InlineData("xz")]
    [InlineData("lzma")]
    [InlineData("zstd")]
    public void Reading_something_else_fails_with_UnpackException(string format)
    {
        var source = Fixtures.Source("tree.zip");

        Assert.Throws<UnpackException>(() => Fixtures.ReadAll(ReaderFor(format), source));
    }

    [Theory]
    [InlineData("payload.txt.gz", "gzip", 401)]
    [InlineData("concatenated.gz", "gzip", 402)]
    [InlineData("payload.txt.bz2", "bzip2", 403)]
    [InlineData("payload.txt.xz", "xz", 404)]
    [InlineData("payload.txt.lzma", "lzma", 405)]
    [InlineData("payload.txt.zst", "zstd", 406)]
    public void Fuzzed_streams_fail_only_with_UnpackException(string fixture, string format, int seed)
    {
        var outcome = Fuzzer.Run(ReaderFor(format), Fixtures.Bytes(fixture), seed);
        output.WriteLine(outcome.ToString());

        // The mutants must reach the SharpCompress decoder, or this would not test the wrapping at all.
        Assert.True(outcome.WrappedTotal > 0, outcome.ToString());
    }

    [Fact]
    public void Fuzzed_lz4_frames_are_only_ever_unavailable() =>
        Fuzzer.Run(new Lz4FormatReader(), Fixtures.Bytes("payload.txt.lz4"), seed: 407, alsoAllowed: [typeof(ReaderUnavailableException)]);

    private static IFormatReader ReaderFor(string format) => ArchiveFormatReaders.All.Single(r => r.Format == format);

    private static byte[] PayloadTwice()
    {
        var entry = new GzipFormatReader().Read(Fixtures.Source("payload.txt.gz"), Fixtures.Context()).Single();
        var payload = Fixtures.ReadContent(entry);
        return [.. payload, .. payload];
    }
}

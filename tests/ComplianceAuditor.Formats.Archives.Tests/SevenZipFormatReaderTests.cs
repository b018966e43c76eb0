using ComplianceAuditor.Unpacking;
using Xunit.Abstractions;

namespace ComplianceAuditor.Formats.Archives.Tests;

public sealed class SevenZipFormatReaderTests(ITestOutputHelper output)
{
    private readonly SevenZipFormatReader _reader = new();

    [Fact]
    public void Reads_the_tree_packed_by_7_Zip_file_by_file()
    {
        var extracted = Fixtures.ReadAll(_reader, Fixtures.Source("tree.7z"));

        TreeAssert.MatchesManifest(extracted, Fixtures.Manifest("manifest.tsv"), HardLinks.AsCopies, checkOwners: false);
    }

    [Fact]
    public void Identify_reads_the_length_from_the_start_header()
    {
        var bytes = Fixtures.Bytes("tree.7z");

        var match = _reader.Identify(bytes, bytes.Length + 5000);

        Assert.NotNull(match);
        Assert.Equal(bytes.Length, match.Length);
    }

    [Fact]
    public void Identify_rejects_a_start_header_whose_CRC_is_wrong()
    {
        var bytes = Fixtures.Bytes("tree.7z");
        bytes[14] ^= 1;

        Assert.Null(_reader.Identify(bytes, bytes.Length));
    }

    [Fact]
    public void Identify_rejects_an_end_header_whose_CRC_is_wrong_when_it_can_see_it()
    {
        var bytes = Fixtures.Bytes("tree.7z");
        bytes[^3] ^= 1;

        Assert.Null(_reader.Identify(bytes, bytes.Length));
    }

    [Fact]
    public void A_truncated_archive_is_recognised_but_reading_it_says_truncated()
    {
        var bytes = Fixtures.Bytes("tree.7z")[..1000];

        var match = _reader.Identify(bytes, bytes.Length);
        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadAll(_reader, UnpackSource.FromBytes("t", bytes)));

        Assert.NotNull(match);
        Assert.Null(match.Length);
        Assert.Contains("truncated", match.Description, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_data_after_the_archive_is_not_read()
    {
        var bytes = Fixtures.Bytes("tree.7z");
        var padded = new byte[bytes.Length + 3000];
        bytes.CopyTo(padded, 0);
        new Random(5).NextBytes(padded.AsSpan(bytes.Length));

        var extracted = Fixtures.ReadAll(_reader, UnpackSource.FromBytes("padded", padded));

        TreeAssert.MatchesManifest(extracted, Fixtures.Manifest("manifest.tsv"), HardLinks.AsCopies, checkOwners: false);
    }

    [Fact]
    public void Stored_entries_read_back_and_a_changed_byte_fails_the_CRC_check()
    {
        var manifest = Fixtures.Manifest("manifest.tsv").ToDictionary(m => m.Path);
        var clean = Fixtures.ReadAll(_reader, Fixtures.Source("stored.7z"));
        var bytes = Fixtures.Bytes("stored.7z");
        bytes[bytes.AsSpan().IndexOf("Fixture tree"u8)] ^= 0x20;

        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadAll(_reader, UnpackSource.FromBytes("s", bytes)));

        Assert.Equal(["README.txt", "bin/tool"], clean.Select(e => e.Entry.Path).Order(StringComparer.Ordinal));
        Assert.All(clean, e => Assert.Equal(manifest[e.Entry.Path].Sha256, e.Sha256));
        Assert.Contains("README.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_packed_data_surfaces_as_UnpackException()
    {
        var bytes = Fixtures.Bytes("tree.7z");
        for (var i = 100; i < 140; i++)
        {
            bytes[i] ^= 0xA5;
        }

        Assert.Throws<UnpackException>(() => Fixtures.ReadAll(_reader, UnpackSource.FromBytes("c", bytes)));
    }

    [Fact]
    public void Fuzzed_archives_fail_only_with_UnpackException()
    {
        var outcome = Fuzzer.Run(_reader, Fixtures.Bytes("tree.7z"), seed: 301, reseal: Fuzzer.ResealSevenZip);
        output.WriteLine(outcome.ToString());

        Assert.True(outcome.WrappedTotal > 0, outcome.ToString());
    }
}

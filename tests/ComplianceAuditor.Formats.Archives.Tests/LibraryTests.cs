namespace ComplianceAuditor.Formats.Archives.Tests;

public sealed class LibraryTests
{
    [Fact]
    public void The_extractor_names_the_SharpCompress_version_that_is_loaded()
    {
        var loaded = typeof(SharpCompress.Readers.ReaderFactory).Assembly.GetName().Version!;

        foreach (var reader in ArchiveFormatReaders.All.Where(r => r.Format is not ("tar" or "lz4")))
        {
            Assert.Equal($"SharpCompress {loaded.Major}.{loaded.Minor}.{loaded.Build}", reader.Extractor);
        }
    }

    [Fact]
    public void Every_reader_has_a_distinct_format_name_and_signatures_to_carve_with()
    {
        var readers = ArchiveFormatReaders.All;

        Assert.Equal(readers.Count, readers.Select(r => r.Format).Distinct().Count());
        Assert.All(readers, r => Assert.All(r.Signatures, s => Assert.True(s.Magic.Length >= 3)));
        Assert.All(readers, r => Assert.NotEmpty(r.Signatures));
    }

    [Fact]
    public void Every_signature_is_found_where_Identify_expects_it_in_the_fixtures()
    {
        (string Format, string Fixture)[] samples =
        [
            ("tar", "tree-gnu.tar"), ("zip", "tree.zip"), ("7z", "tree.7z"), ("gzip", "payload.txt.gz"), ("bzip2", "payload.txt.bz2"),
            ("xz", "payload.txt.xz"), ("lzma", "payload.txt.lzma"), ("zstd", "payload.txt.zst"), ("lz4", "payload.txt.lz4"),
        ];

        foreach (var (format, fixture) in samples)
        {
            var reader = ArchiveFormatReaders.All.Single(r => r.Format == format);
            var bytes = Fixtures.Bytes(fixture);
            Assert.Contains(reader.Signatures, s => bytes.AsSpan(s.OffsetInImage).StartsWith(s.Magic));
        }
    }
}

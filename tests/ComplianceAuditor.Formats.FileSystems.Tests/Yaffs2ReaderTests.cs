using ComplianceAuditor.Formats.FileSystems.Yaffs2;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

public sealed class Yaffs2ReaderTests
{
    private const string CorpusFile = "corpus/binwalk/tests/inputs/yaffs2.bin";

    [SharedFact(CorpusFile)]
    public void Identify_recognises_the_corpus_image()
    {
        var match = Fixtures.Identify(new Yaffs2Reader(_ => null), File.ReadAllBytes(Fixtures.Corpus("yaffs2.bin")));

        Assert.NotNull(match);
        Assert.Null(match.Length);
        Assert.Equal("YAFFS2, 2048-byte chunks, little-endian, first object 'yutilsenv.h'", match.Description);
    }

    [SharedFact(CorpusFile)]
    public void Identify_refuses_an_object_header_without_valid_spare_tags()
    {
        var image = File.ReadAllBytes(Fixtures.Corpus("yaffs2.bin"));
        image[2048 + 1] = 0; // sequence number 0x1000 becomes 0, below the lowest one YAFFS2 uses

        Assert.Null(Fixtures.Identify(new Yaffs2Reader(_ => null), image));
    }

    [SharedFact(CorpusFile)]
    public void Identify_refuses_a_mode_that_does_not_match_the_object_type()
    {
        var image = File.ReadAllBytes(Fixtures.Corpus("yaffs2.bin"));
        image[268 + 1] = 0x41; // mode 0x81b4 (a file) becomes 0x41b4 (a directory) while the type says file

        Assert.Null(Fixtures.Identify(new Yaffs2Reader(_ => null), image));
    }

    [Fact]
    public void Identify_refuses_the_signature_bytes_alone()
    {
        var head = new byte[4096];
        Array.Fill(head, (byte)0xFF);
        byte[] start = [1, 0, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF, (byte)'a', 0];
        start.CopyTo(head, 0);

        Assert.Null(new Yaffs2Reader(_ => null).Identify(head, head.Length));
    }

    [Fact]
    public void Without_unyaffs_the_format_is_reported_as_unavailable()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ReaderUnavailableException>(() =>
            new Yaffs2Reader(_ => null).Read(Fixtures.Source(new byte[4096]), UnpackContext.ForTesting(temp.Path)));

        Assert.Contains("unyaffs", error.Message, StringComparison.Ordinal);
    }

    [ProgramFact("unyaffs", CorpusFile)]
    public void Reads_the_corpus_image_with_unyaffs()
    {
        var reader = new Yaffs2Reader();
        var entries = Fixtures.Extract(reader, File.ReadAllBytes(Fixtures.Corpus("yaffs2.bin")));

        Assert.Equal(13, entries.Count);
        Assert.All(entries, e => Assert.Equal(EntryType.File, e.Type));
        var header = entries.Single(e => e.Path == "yutilsenv.h");
        Assert.Equal(844, header.ContentLength);
        Assert.StartsWith("unyaffs ", reader.Extractor, StringComparison.Ordinal);
    }
}

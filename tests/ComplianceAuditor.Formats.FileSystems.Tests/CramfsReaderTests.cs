using ComplianceAuditor.Formats.FileSystems.Cramfs;
using ComplianceAuditor.Formats.FileSystems.Romfs;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

public sealed class CramfsReaderTests
{
    private readonly CramfsReader _reader = new();

    [Theory]
    [InlineData("cramfs-le.img")]
    [InlineData("cramfs-be.img")]
    public void Reads_the_tree_mkfs_cramfs_packed(string fixture)
    {
        var warnings = new List<string>();
        var entries = Fixtures.Extract(_reader, Fixtures.Bytes(fixture), warnings);

        // cramfs keeps 16-bit uids and 8-bit gids, and has no hard links (mkfs.cramfs shares the data instead).
        TreeAssert.Matches(Manifest.Load("tree.manifest.tsv"), entries, m => m.Mode, m => (m.Uid & 0xFFFF, m.Gid & 0xFF));
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("cramfs-le.img", "little-endian")]
    [InlineData("cramfs-be.img", "big-endian")]
    public void Identify_takes_the_length_from_the_superblock(string fixture, string order)
    {
        var image = Fixtures.Bytes(fixture);
        var match = Fixtures.Identify(_reader, image);

        Assert.NotNull(match);
        Assert.Equal(image.Length, match.Length);
        Assert.Contains(order, match.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_rejects_a_magic_number_without_the_signature()
    {
        var image = Fixtures.Bytes("cramfs-le.img");
        image[20] ^= 0x20;

        Assert.Null(Fixtures.Identify(_reader, image));
    }

    [Fact]
    public void Identify_rejects_a_root_that_is_not_a_directory()
    {
        var image = Fixtures.Bytes("cramfs-le.img");
        image[65] = 0x81; // root mode 0x41ed becomes 0x81ed, a regular file

        Assert.Null(Fixtures.Identify(_reader, image));
    }

    [Fact]
    public void A_crc_mismatch_is_a_warning_and_the_tree_is_still_read()
    {
        var image = Fixtures.Bytes("cramfs-le.img");
        image[48] = (byte)'X'; // the volume name is covered by the CRC but by nothing else
        var warnings = new List<string>();

        var entries = Fixtures.Extract(_reader, image, warnings);

        Assert.Contains(warnings, w => w.Contains("CRC mismatch", StringComparison.Ordinal));
        Assert.Equal(Manifest.Load("tree.manifest.tsv").Count, entries.Count);
    }

    [Fact]
    public void Sparse_pages_read_as_zeros()
    {
        var entries = Fixtures.Extract(_reader, Fixtures.Bytes("cramfs-le.img"));
        var sparse = entries.Single(e => e.Path == "usr/share/doc/sparse.bin");

        // The build used -z, so the five zero pages are holes; the manifest hash proves they read as zeros.
        var expected = Manifest.Load("tree.manifest.tsv").Single(m => m.Path == sparse.Path);
        Assert.Equal(expected.Sha256, sparse.Sha256);
    }

    [SharedFact("corpus/binwalk/tests/inputs/cramfs.bin")]
    public void Reads_the_binwalk_corpus_image_like_the_romfs_one_holding_the_same_file()
    {
        var cramfs = Fixtures.Extract(_reader, File.ReadAllBytes(Fixtures.Corpus("cramfs.bin")));
        var romfs = Fixtures.Extract(new RomfsReader(), File.ReadAllBytes(Fixtures.Corpus("romfs.bin")));

        var file = Assert.Single(cramfs);
        Assert.Equal("lsb-release", file.Path);
        Assert.Equal(EntryType.File, file.Type);
        Assert.Equal(104, file.ContentLength);
        Assert.Equal(romfs.Single(e => e.Path == "lsb-release").Sha256, file.Sha256);
    }

    [SharedFact("corpus/binwalk/tests/inputs/cramfs.bin")]
    public void Identify_the_corpus_image_reports_its_declared_size()
    {
        var match = Fixtures.Identify(_reader, File.ReadAllBytes(Fixtures.Corpus("cramfs.bin")));

        Assert.NotNull(match);
        Assert.Equal(4096, match.Length);
        Assert.Contains("Compressed", match.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_parents_before_their_children_in_storage_order()
    {
        var paths = Fixtures.Extract(_reader, Fixtures.Bytes("cramfs-be.img")).Select(e => e.Path).ToList();

        // mkfs.cramfs sorts each directory, and the walk is depth-first.
        Assert.Equal(["bin", "bin/busybox", "bin/busybox.hardlink", "bin/sh", "bin/su", "dev"], paths.Take(6));
        foreach (var path in paths.Where(p => p.Contains('/', StringComparison.Ordinal)))
        {
            Assert.True(paths.IndexOf(path[..path.LastIndexOf('/')]) < paths.IndexOf(path), path);
        }
    }
}

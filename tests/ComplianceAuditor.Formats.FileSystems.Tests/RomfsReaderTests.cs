using System.Text;
using ComplianceAuditor.Formats.FileSystems.Romfs;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

public sealed class RomfsReaderTests
{
    private readonly RomfsReader _reader = new();

    [Fact]
    public void Reads_the_tree_the_romfs_writer_packed()
    {
        var warnings = new List<string>();
        var entries = Fixtures.Extract(_reader, Fixtures.Bytes("romfs.img"), warnings);

        TreeAssert.Matches(Manifest.Load("tree.manifest.tsv"), entries, KernelMode, expectedOwner: null);
        Assert.Empty(warnings);
        Assert.Equal("bin/busybox", entries.Single(e => e.Path == "bin/busybox.hardlink").LinkTarget);
    }

    [Fact]
    public void Identify_takes_the_length_from_the_header()
    {
        var image = Fixtures.Bytes("romfs.img");
        var match = Fixtures.Identify(_reader, image);

        Assert.NotNull(match);
        Assert.Equal(image.Length, match.Length);
        Assert.Equal("romfs 'fixture', 29696 bytes, checksum ok", match.Description);
    }

    [Fact]
    public void Identify_rejects_the_magic_without_a_plausible_header()
    {
        var head = new byte[64];
        "-rom1fs-"u8.CopyTo(head);

        Assert.Null(_reader.Identify(head, 64)); // size 0 and no volume name
    }

    [Fact]
    public void A_checksum_mismatch_is_a_warning()
    {
        var image = Fixtures.Bytes("romfs.img");
        image[0x18] = (byte)'X'; // in the padding after the volume name, inside the checksummed 512 bytes
        var warnings = new List<string>();

        Fixtures.Extract(_reader, image, warnings);

        Assert.Contains(warnings, w => w.Contains("checksum", StringComparison.Ordinal));
    }

    [Fact]
    public void File_entries_point_at_their_uncompressed_bytes()
    {
        var image = Fixtures.Bytes("romfs.img");
        var passwd = _reader.Read(Fixtures.Source(image), UnpackContext.ForTesting(Path.GetTempPath())).Single(e => e.Path == "etc/passwd");

        Assert.NotNull(passwd.Offset);
        Assert.StartsWith("root:x:0:0", Encoding.ASCII.GetString(image, (int)passwd.Offset.Value, (int)passwd.Size), StringComparison.Ordinal);
    }

    [SharedFact("corpus/binwalk/tests/inputs/romfs.bin")]
    public void Reads_the_binwalk_corpus_image()
    {
        var warnings = new List<string>();
        var entries = Fixtures.Extract(_reader, File.ReadAllBytes(Fixtures.Corpus("romfs.bin")), warnings);

        var file = Assert.Single(entries);
        Assert.Equal(("lsb-release", EntryType.File, 104L), (file.Path, file.Type, file.ContentLength!.Value));
        Assert.Empty(warnings);
    }

    /// <summary>romfs keeps only an executable flag; the kernel gives each type fixed permissions.</summary>
    private static int KernelMode(ManifestEntry m)
    {
        var executable = (m.Mode & 0x49) != 0;
        return m.Type switch
        {
            "symlink" => 0x1FF,
            "char" or "block" => 0x180,
            "fifo" or "socket" => 0x1A4,
            _ => executable ? 0x1ED : 0x1A4,
        };
    }
}

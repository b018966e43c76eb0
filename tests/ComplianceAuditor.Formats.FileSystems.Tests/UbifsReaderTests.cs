using ComplianceAuditor.Formats.FileSystems.Ubi;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

public sealed class UbifsReaderTests
{
    [Fact]
    public void Identify_validates_the_superblock_node_and_takes_its_length()
    {
        var image = Fixtures.Bytes("rootfs.ubifs.gz");
        var reader = new UbifsReader(_ => null);

        var match = Fixtures.Identify(reader, image);

        Assert.NotNull(match);
        Assert.Equal(image.Length, match.Length); // 14 logical blocks of 15360 bytes, as mkfs.ubifs wrote them
        Assert.Equal("UBIFS, 14 logical eraseblocks of 15360 bytes, zlib", match.Description);

        image[200] ^= 1; // inside the superblock node, covered by its CRC
        Assert.Null(Fixtures.Identify(reader, image));
    }

    [Fact]
    public void Identify_finds_the_volume_the_ubi_reader_extracted()
    {
        var volume = Fixtures.Content(new UbiReader(), Fixtures.Bytes("ubi.img.gz"), "volumes/rootfs.ubifs");

        Assert.NotNull(Fixtures.Identify(new UbifsReader(_ => null), volume));
        Assert.Null(Fixtures.Identify(new UbiReader(), volume));
    }

    [Fact]
    public void Without_ubireader_the_format_is_reported_as_unavailable()
    {
        using var temp = new TempDirectory();
        var reader = new UbifsReader(_ => null);

        var error = Assert.Throws<ReaderUnavailableException>(() =>
            reader.Read(Fixtures.Source(Fixtures.Bytes("rootfs.ubifs.gz")), UnpackContext.ForTesting(temp.Path)));

        Assert.Equal("UBIFS found; no native reader, and ubireader_extract_files (pip install ubi_reader) is not installed", error.Message);
    }

    [Fact]
    public void Runs_ubireader_with_an_output_folder_and_the_image_and_lists_its_output()
    {
        using var temp = new TempDirectory();

        // Stands in for ubireader_extract_files: checks it is called as "-o OUTPUT IMAGE" and that the image is the
        // UBIFS volume, then writes one file.
        var program = FakeProgram.Write(temp, UbifsReader.ProgramName, """
            [ "$1" = "-o" ] && [ -d "$2" ] && [ -f "$3" ] || { echo "usage: -o OUTPUT IMAGE" >&2; exit 2; }
            head -c 4 "$3" | od -An -tx1 | grep -q "31 18 10 06" || { echo "not UBIFS" >&2; exit 1; }
            mkdir "$2/etc" && echo "root::0:0::/root:/bin/sh" > "$2/etc/passwd"
            """);
        var reader = new UbifsReader(name => name == UbifsReader.ProgramName ? program : null);

        var entries = Fixtures.Extract(reader, Fixtures.Bytes("rootfs.ubifs.gz"));

        Assert.Equal([("etc", EntryType.Directory), ("etc/passwd", EntryType.File)], entries.Select(e => (e.Path, e.Type)));
        Assert.Equal("root::0:0::/root:/bin/sh\n".Length, entries[1].ContentLength);
        Assert.Equal(UbifsReader.ProgramName, reader.Extractor);
    }
}

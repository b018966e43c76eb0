using System.Text;
using ComplianceAuditor.Formats.Cpio;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Tests;

public sealed class CpioReaderTests
{
    private readonly CpioReader _reader = new();

    [Theory]
    [InlineData("newc.cpio", "070701")]
    [InlineData("crc.cpio", "070702")]
    [InlineData("odc.cpio", "070707")]
    [InlineData("bin-le.cpio", "little-endian")]
    [InlineData("bin-be.cpio", "big-endian")]
    public void Every_variant_extracts_the_packed_tree_file_by_file(string file, string variantWord)
    {
        var bytes = Fixtures.Bytes("cpio/" + file);
        var match = Fixtures.Identify(_reader, bytes);
        Assert.NotNull(match);
        Assert.Contains(variantWord, match.Description, StringComparison.Ordinal);

        var warnings = new List<string>();
        var entries = Fixtures.Extract(_reader, bytes, warnings);
        Assert.Empty(warnings);

        var manifest = Fixtures.Json("cpio/manifest.json").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!);
        Assert.Equal(manifest.Keys.Order(StringComparer.Ordinal), entries.Select(e => e.Entry.Path).Order(StringComparer.Ordinal));
        var seen = new Dictionary<string, Extracted>();
        foreach (var x in entries)
        {
            var e = manifest[x.Entry.Path];
            Assert.Equal(e.GetProperty("mode").GetInt32(), x.Entry.Mode);
            Assert.Equal(e.GetProperty("uid").GetInt64(), x.Entry.Uid);
            Assert.Equal(e.GetProperty("gid").GetInt64(), x.Entry.Gid);
            var type = e.GetProperty("type").GetString();
            if (e.TryGetProperty("link_group", out var group))
            {
                // One name of the group carries the content, the others link back to it (see CpioReader.LinkedFile).
                if (x.Entry.Type == EntryType.HardLink)
                {
                    var target = seen[x.Entry.LinkTarget!];
                    Assert.Equal(EntryType.File, target.Entry.Type);
                    Assert.Equal(group.GetInt32(), manifest[target.Entry.Path].GetProperty("link_group").GetInt32());
                }
                else
                {
                    Assert.Equal(EntryType.File, x.Entry.Type);
                    Assert.Equal(e.GetProperty("sha256").GetString(), x.Sha256);
                }
            }
            else
            {
                Assert.Equal(type, x.Entry.Type.ToString());
            }

            switch (x.Entry.Type)
            {
                case EntryType.File:
                    Assert.Equal(e.GetProperty("size").GetInt64(), x.Entry.Size);
                    Assert.Equal(e.GetProperty("sha256").GetString(), x.Sha256);
                    break;
                case EntryType.Symlink:
                    Assert.Equal(e.GetProperty("target").GetString(), x.Entry.LinkTarget);
                    break;
                case EntryType.CharDevice or EntryType.BlockDevice:
                    Assert.Equal((e.GetProperty("major").GetInt64(), e.GetProperty("minor").GetInt64()), x.Entry.Device);
                    break;
                default:
                    break;
            }

            seen[x.Entry.Path] = x;
        }

        // Every hard-link group has exactly one name with the content.
        var groups = manifest.Values.Where(e => e.TryGetProperty("link_group", out _)).GroupBy(e => e.GetProperty("link_group").GetInt32());
        foreach (var g in groups)
        {
            Assert.Single(g, e => seen[e.GetProperty("path").GetString()!].Entry.Type == EntryType.File);
        }
    }

    [Theory]
    [InlineData("newc.cpio", 4)]
    [InlineData("crc.cpio", 4)]
    [InlineData("odc.cpio", 1)]
    [InlineData("bin-le.cpio", 2)]
    public void Identify_gives_the_length_up_to_the_padded_trailer(string file, int alignment)
    {
        var bytes = Fixtures.Bytes("cpio/" + file);
        var name = bytes.AsSpan().LastIndexOf("TRAILER!!!\0"u8);
        var end = name + 11L;
        end = (end + alignment - 1) / alignment * alignment;

        var match = Fixtures.Identify(_reader, bytes);

        Assert.Equal(end, match!.Length);
        Assert.True(bytes.AsSpan((int)end).IndexOfAnyExcept((byte)0) < 0, "GNU cpio pads the archive to its block size with zeros");
    }

    [Fact]
    public void A_checksum_that_does_not_match_the_data_is_warned_about()
    {
        var bytes = Fixtures.Bytes("cpio/crc.cpio");
        var at = bytes.AsSpan().IndexOf("root:x:0:0"u8);
        bytes[at] = (byte)'R';
        var warnings = new List<string>();

        Fixtures.Extract(_reader, bytes, warnings);

        var warning = Assert.Single(warnings);
        Assert.Contains("checksum of 'etc/passwd'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_with_an_absurd_size_is_rejected_naming_the_entry()
    {
        var bytes = Fixtures.Bytes("cpio/newc.cpio");
        var header = HeaderOf(bytes, "bin/blob");
        Encoding.ASCII.GetBytes("7FFFFFFF").CopyTo(bytes, header + 6 + (6 * 8)); // filesize is the 7th field

        var (before, error) = Fixtures.ExtractUntilFailure(_reader, bytes);

        Assert.Contains("'bin/blob'", error.Message, StringComparison.Ordinal);
        Assert.Contains("past the end", error.Message, StringComparison.Ordinal);
        Assert.Equal(["bin"], before.Select(e => e.Entry.Path));
    }

    [Fact]
    public void A_name_size_beyond_4096_is_rejected()
    {
        var bytes = Fixtures.Bytes("cpio/newc.cpio");
        var header = HeaderOf(bytes, "bin/blob");
        Encoding.ASCII.GetBytes("00100000").CopyTo(bytes, header + 6 + (11 * 8)); // namesize is the 12th field

        var (_, error) = Fixtures.ExtractUntilFailure(_reader, bytes);

        Assert.Contains("name size 1048576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_without_its_terminating_NUL_is_rejected()
    {
        var bytes = Fixtures.Bytes("cpio/newc.cpio");
        var at = bytes.AsSpan().IndexOf("bin/blob\0"u8);
        bytes[at + 8] = (byte)'X';

        var (_, error) = Fixtures.ExtractUntilFailure(_reader, bytes);

        Assert.Contains("not NUL-terminated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("newc.cpio")]
    [InlineData("odc.cpio")]
    [InlineData("bin-be.cpio")]
    public void A_truncated_archive_fails_after_the_entries_before_the_cut(string file)
    {
        var whole = Fixtures.Bytes("cpio/" + file);
        var bytes = whole[..(whole.AsSpan().IndexOf("etc/passwd\0"u8) + 4)];

        var (before, error) = Fixtures.ExtractUntilFailure(_reader, bytes);

        Assert.StartsWith("cpio:", error.Message, StringComparison.Ordinal);
        Assert.Contains(before, e => e.Entry.Path == "bin/blob");
    }

    [Fact]
    public void Random_bytes_and_other_formats_are_not_cpio()
    {
        Assert.Null(Fixtures.Identify(_reader, Fixtures.Bytes("uimage/kernel.uimg")));
        Assert.Null(Fixtures.Identify(_reader, "070701 is a number in this text, not an archive"u8.ToArray()));
        Assert.Null(Fixtures.Identify(_reader, [0xC7, 0x71, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]));
    }

    [SharedFact("corpus/swugenerator/tests/test_data/integration_output")]
    public void SWUpdate_bundles_open_with_valid_checksums_and_sw_description_first()
    {
        var files = Directory.GetFiles(Fixtures.Corpus("swugenerator", "tests", "test_data", "integration_output"), "*.swu*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.Contains("070702", Fixtures.Identify(_reader, bytes)!.Description, StringComparison.Ordinal);
            var warnings = new List<string>();
            var entries = Fixtures.Extract(_reader, bytes, warnings);
            Assert.Empty(warnings);
            Assert.Equal("sw-description", entries[0].Entry.Path);
            Assert.All(entries, e => Assert.Equal(e.Entry.Size, e.Content!.LongLength));
            if (Path.GetFileName(file).StartsWith("signed", StringComparison.Ordinal))
            {
                Assert.Equal("sw-description.sig", entries[1].Entry.Path);
            }
        }
    }

    private static int HeaderOf(byte[] archive, string name)
    {
        var at = archive.AsSpan().IndexOf(Encoding.ASCII.GetBytes(name + "\0"));
        return at - 110;
    }
}

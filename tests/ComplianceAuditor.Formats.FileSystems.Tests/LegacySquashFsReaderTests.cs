using ComplianceAuditor.Formats.FileSystems.SquashFsLegacy;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.Tests;

/// <summary>The squashfs our own reader leaves to unsquashfs: old versions, big-endian 4.0, and LZO blocks.</summary>
public sealed class LegacySquashFsReaderTests
{
    private static string SquashFixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "unpack", "squashfs", name);

    [Fact]
    public void Takes_lzo_but_leaves_other_little_endian_4_0_images_to_the_native_reader()
    {
        var reader = new LegacySquashFsReader(_ => null);

        var lzo = Fixtures.Identify(reader, File.ReadAllBytes(SquashFixture("lzo.sqfs")));
        Assert.NotNull(lzo);
        Assert.Contains("squashfs 4.0 (little-endian, lzo)", lzo.Description, StringComparison.Ordinal);
        Assert.Null(Fixtures.Identify(reader, File.ReadAllBytes(SquashFixture("xz.sqfs"))));
        Assert.Null(Fixtures.Identify(reader, File.ReadAllBytes(SquashFixture("gzip.sqfs"))));
    }

    [SharedFact("corpus/binwalk/tests/inputs/squashfs_v2.bin")]
    public void Recognises_big_endian_squashfs_2_0()
    {
        var match = Fixtures.Identify(new LegacySquashFsReader(_ => null), File.ReadAllBytes(Fixtures.Corpus("squashfs_v2.bin")));

        Assert.NotNull(match);
        Assert.StartsWith("squashfs 2.0 (big-endian)", match.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_magic_with_an_impossible_version()
    {
        var head = File.ReadAllBytes(SquashFixture("lzo.sqfs"));
        head[28] = 9; // s_major 9

        Assert.Null(Fixtures.Identify(new LegacySquashFsReader(_ => null), head));
    }

    [Fact]
    public void Without_unsquashfs_says_what_would_open_it()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ReaderUnavailableException>(() =>
            new LegacySquashFsReader(_ => null).Read(Fixtures.Source(File.ReadAllBytes(SquashFixture("lzo.sqfs"))), UnpackContext.ForTesting(temp.Path)));

        Assert.Contains("unsquashfs (Debian package 'squashfs-tools')", error.Message, StringComparison.Ordinal);
    }

    [ProgramFact("unsquashfs")]
    public void Opens_the_lzo_image_with_unsquashfs_into_the_packed_tree()
    {
        var reader = new LegacySquashFsReader();
        var entries = Fixtures.Extract(reader, File.ReadAllBytes(SquashFixture("lzo.sqfs")));

        // manifest.tsv was written by the fixture script from the source tree, not by any reader.
        var expected = File.ReadLines(SquashFixture("manifest.tsv"))
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(f => f[1] == "file")
            .ToDictionary(f => f[0], f => f[6]);
        var files = entries.Where(e => e.Type == EntryType.File).ToDictionary(e => e.Path, e => e.Sha256);
        foreach (var (path, sha) in expected)
        {
            Assert.True(files.TryGetValue(path, out var actual), $"{path} missing");
            Assert.Equal(sha, actual);
        }

        Assert.StartsWith("unsquashfs ", reader.Extractor, StringComparison.Ordinal);
    }
}

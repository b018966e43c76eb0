using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Inventory.Compact;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>
/// The packed artifact list must give back every artifact exactly as it was put in: every field, set or not, paths
/// whose relative part cannot be worked out, odd strings, and the content handles.
/// </summary>
public sealed class CompactArtifactsTests
{
    private static readonly ContainerInfo Squashfs = new() { Format = "squashfs", Extractor = "native", Description = "squashfs 4.0, xz", Status = "partial", Entries = 3, Reason = "limit" };

    public static TheoryData<string> Cases => new(Samples().Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_artifact_reads_back_as_it_was_written(string name)
    {
        var samples = Samples();
        var original = samples[name];

        // Among others, so that shared strings and block positions are exercised.
        var all = samples.Values.ToArray();
        var list = CompactArtifacts.From(all);

        var read = list[Array.IndexOf(all, original)];

        Assert.Equal(original with { Content = null }, read with { Content = null });
        Assert.Equal(original.Content?.GetType(), read.Content?.GetType());
        Assert.Equal(original.Content?.LocalPath, read.Content?.LocalPath);
        if (original.Content is WindowContent window)
        {
            var copy = Assert.IsType<WindowContent>(read.Content);
            Assert.Equal((window.File, window.Offset, window.Length), (copy.File, copy.Offset, copy.Length));
        }
        else if (original.Content is not null and not FileContent and not EmptyContent)
        {
            Assert.Same(original.Content, read.Content);
        }
    }

    [Fact]
    public void The_relative_path_alone_is_the_one_of_the_whole_artifact()
    {
        var all = Samples().Values.ToArray();
        var list = CompactArtifacts.From(all);

        Assert.Equal(all.Select(a => a.RelativePath), Enumerable.Range(0, list.Count).Select(list.RelativePathAt));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.RelativePathAt(list.Count));
    }

    [Fact]
    public void Index_and_enumeration_agree_across_many_blocks()
    {
        // Long notes push the records over many blocks, one of them longer than a block.
        var artifacts = Enumerable.Range(0, 3000)
            .Select(i => File($"fw/dir{i % 7}/file{i}", note: new string('n', i == 1500 ? 1_200_000 : i % 900)))
            .ToArray();

        var list = CompactArtifacts.From(artifacts);

        Assert.Equal(artifacts.Length, list.Count);
        Assert.Equal(artifacts.Select(a => a with { Content = null }), list.Select(a => a with { Content = null }));
        Assert.Equal(artifacts[2999] with { Content = null }, list[2999] with { Content = null });
        Assert.Throws<ArgumentOutOfRangeException>(() => list[3000]);
    }

    [Fact]
    public void An_inventory_hands_out_packed_artifacts_equal_to_what_it_found()
    {
        using var dir = new TempDirectory();
        dir.Write("etc/passwd", "root:x:0:0::/root:/bin/sh\n");
        dir.Write("bin/ünïcode name", "x");
        dir.Write("empty", "");

        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([dir.Path], null)[0], new InventoryOptions(), CancellationToken.None);

        Assert.IsType<CompactArtifacts>(inventory.Artifacts);
        var passwd = inventory.Artifacts.Single(a => a.RelativePath == "etc/passwd");
        Assert.Equal($"{inventory.Target.Name}/etc/passwd", passwd.Path);
        Assert.Equal(64, passwd.Sha256.Length);
        using var stream = passwd.Content!.OpenRead();
        Assert.Equal("root:x:0:0::/root:/bin/sh\n", new StreamReader(stream).ReadToEnd());
        Assert.Contains(inventory.Artifacts, a => a.RelativePath == "bin/ünïcode name" && a.Kind == ArtifactKind.Text);
    }

    private static Dictionary<string, Artifact> Samples() => new()
    {
        ["target root"] = new Artifact { Path = "fw.bin", Target = "fw.bin", RelativePath = "", Kind = ArtifactKind.Binary, Size = 1 << 20, Sha256 = new string('a', 64), Content = new FileContent("/in/fw.bin") },
        ["directory file"] = File("rootfs/etc/shadow"),
        ["every field set"] = new Artifact
        {
            Path = "fw.bin!/0x40000.squashfs",
            Target = "fw.bin",
            RelativePath = "0x40000.squashfs",
            Parent = "fw.bin",
            Offset = 0x40000,
            Kind = ArtifactKind.Binary,
            Size = 123,
            Sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            LinkTarget = "../x",
            Note = "partly read",
            Mode = 0x8000 | 0b111_101_101 | 0x800,
            Uid = 0,
            Gid = -1,
            LoadAddress = long.MaxValue,
            ExtractedBy = "carved (signature search)",
            Container = Squashfs,
            Content = new WindowContent("/out/.unpack-x/fw.bin", 0x40000, 123),
        },
        ["relative path that is not the end of the virtual path"] = new Artifact { Path = "fw.bin!/a/b", Target = "fw.bin", RelativePath = "b", Parent = "other", Kind = ArtifactKind.Text },
        ["upper-case hash kept as text"] = new Artifact { Path = "t/x", Target = "t", RelativePath = "x", Kind = ArtifactKind.Text, Sha256 = new string('A', 64) },
        ["lone surrogate in a name"] = new Artifact { Path = "t/bad\uD800name", Target = "t", RelativePath = "bad\uD800name", Kind = ArtifactKind.Binary, Content = EmptyContent.Instance },
        ["no folder in the path"] = new Artifact { Path = "t", Target = "t", RelativePath = "", Kind = ArtifactKind.Directory },
        ["content of another kind"] = new Artifact { Path = "t/y", Target = "t", RelativePath = "y", Kind = ArtifactKind.Binary, Content = new OtherContent() },
        ["symlink"] = new Artifact { Path = "t/sbin/init", Target = "t", RelativePath = "sbin/init", Parent = "t", Kind = ArtifactKind.Symlink, LinkTarget = "/bin/busybox" },
    };

    private static Artifact File(string path, string? note = null)
    {
        var target = path[..path.IndexOf('/', StringComparison.Ordinal)];
        return new Artifact
        {
            Path = path,
            Target = target,
            RelativePath = path[(target.Length + 1)..],
            Parent = target,
            Kind = ArtifactKind.Text,
            Size = 42,
            Sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            Note = note,
            Content = new FileContent("/srv/" + path),
        };
    }

    private sealed class OtherContent : IArtifactContent
    {
        public Stream OpenRead() => new MemoryStream([1, 2, 3], writable: false);
    }
}

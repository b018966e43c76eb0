using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Unpacking.Tests.TestFormats;

namespace ComplianceAuditor.Unpacking.Tests;

/// <summary>Hostile stored paths and links: nothing may be written outside the extraction folder, and nothing through a link.</summary>
public sealed class PathSafetyTests
{
    private static readonly string Tag = Guid.NewGuid().ToString("N")[..12];

    private static readonly string[] Escapes =
    [
        $"../../evil-{Tag}",
        $"../../../../../../../../evil-{Tag}",
        $"/tmp/evil-{Tag}",
        $"a/../../../evil-{Tag}",
        $"..\\..\\evil-{Tag}",
        $"C:evil-{Tag}",
    ];

    private static byte[] ZipSlip() =>
        Escapes.Aggregate(new TestContainerBuilder().File("ok.txt", "fine\n"), (b, p) => b.File(p, "escaped\n"))
            .Directory($"../../evildir-{Tag}")
            .Build();

    [Fact]
    public void Zip_slip_entries_are_refused_noted_and_nothing_lands_outside_the_work_folder()
    {
        using var ws = new Workspace();

        var inventory = ws.Audit(ZipSlip());

        Assert.Equal(["fw.bin", "fw.bin!/ok.txt"], inventory.Paths());
        Assert.False(inventory.IsComplete);
        foreach (var escape in Escapes)
        {
            var display = escape.Replace("\\", "\\\\", StringComparison.Ordinal);
            Assert.Contains(inventory.Notes, n => n.StartsWith("fw.bin: entry '", StringComparison.Ordinal) && n.Contains("was not extracted", StringComparison.Ordinal)
                && (n.Contains(escape, StringComparison.Ordinal) || n.Contains(display, StringComparison.Ordinal)));
        }

        Assert.Contains(inventory.Notes, n => n.Contains($"evildir-{Tag}' was not extracted: the path has a '..' component", StringComparison.Ordinal));
        AssertOnlyInputAndWorkFolder(ws, Path.GetRelativePath(ws.Root, ws.Work.Path));
        AssertNoEvilAbove(ws.Root);
    }

    [Fact]
    public void Zip_slip_entries_into_a_browsable_tree_stay_inside_the_tree()
    {
        using var ws = new Workspace();
        var tree = Path.Combine(ws.Output, "tree");

        var inventory = ws.Audit(ZipSlip(), sink: new TreeSink(tree));

        Assert.Equal(["fw.bin", "fw.bin!/ok.txt"], inventory.Paths());
        Assert.Equal("fine\n", File.ReadAllText(Path.Combine(tree, "fw.bin.extracted", "ok.txt")));
        AssertOnlyInputAndWorkFolder(ws, "a/b/out/tree");
        Assert.Empty(Directory.EnumerateFileSystemEntries(ws.Work.Path));
        AssertNoEvilAbove(ws.Root);
    }

    [Fact]
    public void Symlinks_pointing_outside_are_recorded_never_created_and_entries_below_them_are_plain_paths()
    {
        using var ws = new Workspace();
        var outside = Directory.CreateDirectory(Path.Combine(ws.Root, "outside")).FullName;
        var firmware = new TestContainerBuilder()
            .Symlink("etc", "/etc")
            .Symlink("up", "../../..")
            .Symlink("out", outside)
            .File("out/evil", "through the link?\n")
            .File("up/evil", "climbing?\n")
            .Build();

        var inventory = ws.Audit(firmware);

        var etc = inventory.Get("fw.bin!/etc");
        Assert.Equal((ArtifactKind.Symlink, "/etc", 0L, ""), (etc.Kind, etc.LinkTarget, etc.Size, etc.Sha256));
        Assert.Equal((ArtifactKind.Symlink, "../../.."), (inventory.Get("fw.bin!/up").Kind, inventory.Get("fw.bin!/up").LinkTarget));
        Assert.Equal((ArtifactKind.Symlink, outside), (inventory.Get("fw.bin!/out").Kind, inventory.Get("fw.bin!/out").LinkTarget));
        var evil = inventory.Get("fw.bin!/out/evil");
        Assert.Equal((ArtifactKind.Text, "out/evil", "fw.bin"), (evil.Kind, evil.RelativePath, evil.Parent));
        Assert.Equal("through the link?\n", Encoding.UTF8.GetString(evil.Bytes()));
        Assert.StartsWith(ws.Work.Path + Path.DirectorySeparatorChar, evil.Content!.LocalPath, StringComparison.Ordinal);
        Assert.Equal(ArtifactKind.Text, inventory.Get("fw.bin!/up/evil").Kind);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.Empty(ws.Links());
        Assert.True(inventory.IsComplete);
    }

    [Fact]
    public void A_tree_gets_folders_where_the_container_has_links()
    {
        using var ws = new Workspace();
        var outside = Directory.CreateDirectory(Path.Combine(ws.Root, "outside")).FullName;
        var tree = Path.Combine(ws.Output, "tree");
        var firmware = new TestContainerBuilder().Symlink("out", outside).File("out/evil", "x\n").Symlink("up", "../../../..").File("up/evil", "y\n").Build();

        var inventory = ws.Audit(firmware, sink: new TreeSink(tree));

        Assert.Equal(ArtifactKind.Symlink, inventory.Get("fw.bin!/out").Kind);
        Assert.Equal("x\n", File.ReadAllText(Path.Combine(tree, "fw.bin.extracted", "out", "evil")));
        Assert.Equal("y\n", File.ReadAllText(Path.Combine(tree, "fw.bin.extracted", "up", "evil")));
        Assert.Null(new DirectoryInfo(Path.Combine(tree, "fw.bin.extracted", "out")).LinkTarget);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.Empty(ws.Links());
    }

    private static void AssertOnlyInputAndWorkFolder(Workspace ws, string sinkFolder)
    {
        var work = Path.GetRelativePath(ws.Root, ws.Work.Path);
        var allowed = new[] { "input", "input/fw.bin", "a", "a/b", "a/b/out", sinkFolder, work };
        Assert.All(ws.Everything(), p => Assert.True(
            allowed.Contains(p) || p.StartsWith(sinkFolder + "/", StringComparison.Ordinal) || p.StartsWith(work + "/", StringComparison.Ordinal),
            $"'{p}' was written outside the extraction folder"));
        Assert.DoesNotContain(ws.Everything(), p => p.Contains("evil", StringComparison.Ordinal));
    }

    private static void AssertNoEvilAbove(string root)
    {
        // The test folder's parent and its parent (the temporary folder and above), where a climbing write would land.
        for (var dir = Path.GetDirectoryName(root); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir, $"evil*-{Tag}"));
        }

        Assert.False(File.Exists($"/tmp/evil-{Tag}"));
    }
}

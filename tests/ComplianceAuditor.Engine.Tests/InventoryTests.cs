using System.Text;
using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

public sealed class InventoryTests
{
    [Fact]
    public void Directory_with_git_is_a_repo_without_it_a_rootfs_and_a_file_is_firmware()
    {
        using var dir = new TempDirectory();
        var repo = Path.Combine(dir.Path, "repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        var rootfs = Path.Combine(dir.Path, "rootfs");
        Directory.CreateDirectory(rootfs);
        var file = dir.Write("fw.bin", "x");

        var targets = TargetResolver.Resolve([repo, rootfs, file], null);

        Assert.Equal([TargetKind.Repo, TargetKind.Rootfs, TargetKind.Firmware], targets.Select(t => t.Kind));
        Assert.Equal(["repo", "rootfs", "fw.bin"], targets.Select(t => t.Name));
    }

    [Fact]
    public void Missing_target_and_impossible_kind_override_are_clear_errors()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("fw.bin", "x");

        Assert.Contains("does not exist", Assert.Throws<TargetException>(() => TargetResolver.Resolve([Path.Combine(dir.Path, "nope")], null)).Message, StringComparison.Ordinal);
        Assert.Contains("is a file", Assert.Throws<TargetException>(() => TargetResolver.Resolve([file], TargetKind.Rootfs)).Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", Assert.Throws<TargetException>(() => TargetResolver.Resolve([dir.Path], TargetKind.Firmware)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_targets_with_the_same_name_get_distinct_names()
    {
        using var dir = new TempDirectory();
        var a = Path.Combine(dir.Path, "a", "rootfs");
        var b = Path.Combine(dir.Path, "b", "rootfs");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);

        Assert.Equal(["rootfs", "rootfs#2"], TargetResolver.Resolve([a, b], null).Select(t => t.Name));
    }

    [Fact]
    public void Walk_records_symlinks_without_following_them_and_skips_the_git_folder()
    {
        using var dir = new TempDirectory();
        var outside = new TempDirectory();
        outside.Write("secret.txt", "outside the target");
        dir.Write(".git/config", "[core]");
        dir.Write("etc/passwd", "root:x:0:0::/root:/bin/sh\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "escape"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "etc", "loop"), Path.Combine(dir.Path, "etc"));

        var inventory = Build(dir.Path, TargetKind.Repo);
        outside.Dispose();

        var paths = inventory.Artifacts.Select(a => a.RelativePath).ToArray();
        Assert.DoesNotContain(paths, p => p.StartsWith(".git", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("secret.txt", StringComparison.Ordinal));
        Assert.Equal(ArtifactKind.Symlink, inventory.Artifacts.Single(a => a.RelativePath == "escape").Kind);
        Assert.Equal(ArtifactKind.Symlink, inventory.Artifacts.Single(a => a.RelativePath == "etc/loop").Kind);
    }

    [Fact]
    public void Artifacts_have_virtual_paths_hashes_and_sniffed_kinds()
    {
        using var dir = new TempDirectory();
        dir.Write("bin/tool", [0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1, 0]);
        dir.Write("etc/motd", "hello\n");
        dir.Write("data.bin", [0, 1, 2, 3]);
        dir.Write("empty", "");

        var inventory = Build(dir.Path, null);
        var name = Path.GetFileName(dir.Path);

        Assert.Equal(ArtifactKind.Directory, inventory.Root.Kind);
        Assert.Equal(name, inventory.Root.Path);
        var motd = inventory.Artifacts.Single(a => a.RelativePath == "etc/motd");
        Assert.Equal($"{name}/etc/motd", motd.Path);
        Assert.Equal(name, motd.Parent);
        Assert.Equal("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", motd.Sha256);
        Assert.Equal(ArtifactKind.Text, motd.Kind);
        Assert.Equal(ArtifactKind.Elf, inventory.Artifacts.Single(a => a.RelativePath == "bin/tool").Kind);
        Assert.Equal(ArtifactKind.Binary, inventory.Artifacts.Single(a => a.RelativePath == "data.bin").Kind);
        Assert.Equal(0, inventory.Artifacts.Single(a => a.RelativePath == "empty").Size);
    }

    [Fact]
    public void Directory_hash_is_stable_and_changes_with_content()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("etc/motd", "hello\n");
        var first = Build(dir.Path, null).Target.Sha256;
        Assert.Equal(first, Build(dir.Path, null).Target.Sha256);

        File.WriteAllText(file, "changed\n");

        Assert.NotEqual(first, Build(dir.Path, null).Target.Sha256);
    }

    [Fact]
    public void File_limit_stops_the_walk_and_says_so()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 10; i++)
        {
            dir.Write($"f{i}", "x");
        }

        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([dir.Path], null)[0], new InventoryOptions { MaxFiles = 4 }, CancellationToken.None);

        Assert.Equal(5, inventory.Artifacts.Count);
        Assert.Contains(inventory.Notes, n => n.Contains("file limit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fifo_is_recorded_as_special_and_never_opened()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "etc", "init.d"));
        Run("mkfifo", Path.Combine(dir.Path, "etc", "init.d", "S50telnet"));

        var fifo = Build(dir.Path, null).Artifacts.Single(a => a.RelativePath == "etc/init.d/S50telnet");

        Assert.Equal(ArtifactKind.Special, fifo.Kind);
        Assert.Null(fifo.Content);
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_unreadable_with_a_unique_path_and_marks_the_walk_incomplete()
    {
        using var dir = new TempDirectory();
        // Two names that .NET decodes to the same string with a replacement character.
        Run("bash", "-c", $"cd '{dir.Path}' && touch $'a\\xff' $'a\\xfe' good");

        var inventory = Build(dir.Path, null);

        var odd = inventory.Artifacts.Where(a => a.RelativePath.Contains('\uFFFD', StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, odd.Length);
        Assert.All(odd, a => Assert.Equal(ArtifactKind.Unreadable, a.Kind));
        Assert.Equal(inventory.Artifacts.Count, inventory.Artifacts.Select(a => a.Path).Distinct().Count());
        Assert.False(inventory.IsComplete);
    }

    [Fact]
    public async Task An_incomplete_walk_makes_absence_inconclusive_rather_than_a_pass()
    {
        using var dir = new TempDirectory();
        dir.Write("a/b/c/d/usr/bin/gdbserver", "x");

        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([dir.Path], null)[0], new InventoryOptions { MaxDepth = 2 }, CancellationToken.None);
        var results = await new AuditEngine(new CheckRegistry(Checks.Content.ContentChecks.All()), new EngineOptions())
            .RunAsync([inventory], [TestRules.Present("file-absent", "gdbserver"), TestRules.Regex("x", "usr/bin/*") with { Id = "CMP9002" }], null, CancellationToken.None);

        Assert.False(inventory.IsComplete);
        Assert.All(results, r => Assert.Equal(Outcome.Inconclusive, r.Outcome));
        Assert.All(results, r => Assert.Contains("deeper than the limit", r.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain ascii text\n", ArtifactKind.Text)]
    [InlineData("grüße, ünïcödé\n", ArtifactKind.Text)]
    [InlineData("\u0001\u0002\u0003\u0004binary-ish\u0005\u0006", ArtifactKind.Binary)]
    public void Sniffer_tells_text_from_binary(string content, ArtifactKind expected)
    {
        Assert.Equal(expected, ContentSniffer.Detect(Encoding.UTF8.GetBytes(content)));
    }

    [Fact]
    public void Sniffer_treats_mostly_invalid_utf8_as_binary_but_tolerates_a_stray_byte()
    {
        Assert.Equal(ArtifactKind.Binary, ContentSniffer.Detect([0x41, 0xC3, 0x28, 0xFF, 0xFE, 0x41]));
        Assert.Equal(ArtifactKind.Text, ContentSniffer.Detect([.. "copyright "u8, 0xA9, .. " 2020 acme corporation\n"u8]));
    }

    private static void Run(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(program, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static TargetInventory Build(string path, TargetKind? kind) =>
        InventoryBuilder.Build(TargetResolver.Resolve([path], kind)[0], new InventoryOptions(), CancellationToken.None);

    [Fact]
    public void A_tree_larger_than_one_batch_is_listed_in_path_order_with_the_tree_hash_of_all_its_files()
    {
        // More files than one batch of descriptions (2048), with names whose path order differs from walk order.
        using var dir = new TempDirectory();
        for (var i = 0; i < 2100; i++)
        {
            dir.Write($"d{i % 3}/f{i:0000}", $"content {i}");
        }

        dir.Write("d0-x/f", "after d0/ in walk order, before it in path order");

        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([dir.Path], null)[0], new InventoryOptions(), CancellationToken.None);

        var files = inventory.Artifacts.Skip(1).ToArray();
        Assert.Equal(2101, files.Length);
        Assert.Equal(files.Select(f => f.Path).Order(StringComparer.Ordinal), files.Select(f => f.Path));

        // The documented identity of a tree: SHA-256 over one line per file, in path order.
        var lines = string.Concat(files.Select(f => $"{f.RelativePath}\0{f.Kind}\0{f.Sha256}\0{f.LinkTarget}\n"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lines))), inventory.Root.Sha256);
        Assert.Equal(files.Sum(f => f.Size), inventory.Root.Size);
        Assert.Equal(inventory.Root.Sha256, inventory.Target.Sha256);
    }

    [Fact]
    public void Folders_sort_as_the_paths_under_them_and_a_spilling_store_gives_the_same_inventory()
    {
        // Folders "a" and "a-b" list in that order, but "a-b/..." comes before "a/..." as paths; a link to a folder
        // is a file of the tree and sorts by its own name.
        using var dir = new TempDirectory();
        foreach (var name in new[] { "a/x", "a-b/x", "a b", "a!", "a.txt", "ab/x", "a/y/z", "a0" })
        {
            dir.Write(name, name);
        }

        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "alnk"), "a");
        using var spill = new TempDirectory();
        using var store = new BlockStore(spill.Path, memoryBudget: 0);
        var target = TargetResolver.Resolve([dir.Path], null)[0];

        var inMemory = InventoryBuilder.Build(target, new InventoryOptions(), CancellationToken.None);
        var onDisk = InventoryBuilder.Build(target, new InventoryOptions { Records = store }, CancellationToken.None);

        var paths = inMemory.Artifacts.Skip(1).Select(a => a.RelativePath).ToArray();
        Assert.Equal(["a b", "a!", "a-b/x", "a.txt", "a/x", "a/y/z", "a0", "ab/x", "alnk"], paths);
        Assert.Equal(paths.Select(p => $"{target.Name}/{p}").Order(StringComparer.Ordinal), inMemory.Artifacts.Skip(1).Select(a => a.Path));
        Assert.True(store.BytesOnDisk > 0);
        Assert.Equal(inMemory.Artifacts.Select(a => a with { Content = null }), onDisk.Artifacts.Select(a => a with { Content = null }));
        Assert.Equal(inMemory.Target.Sha256, onDisk.Target.Sha256);
    }
}

using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Cli.Tests;

/// <summary><c>unpack</c>: the tree people can browse, its manifest, and the folders it refuses to write into.</summary>
public sealed class UnpackCommandTests
{
    private static readonly string Firmware = Path.Combine(RepositoryPaths.Examples, "firmware", "examplecam-fw.bin");

    [Fact]
    public async Task Unpacked_tree_holds_the_packed_files_byte_for_byte_with_a_manifest()
    {
        using var outDir = new TempDirectory();
        var tree = Path.Combine(outDir.Path, "cam");

        var (exit, output, error) = await Cli.RunAsync("unpack", Firmware, "--out", tree);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("squashfs (native) opened", output, StringComparison.Ordinal);
        var rootfs = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");
        var unpacked = Path.Combine(tree, "examplecam-fw.bin.extracted", "0x10000.squashfs.extracted");
        foreach (var file in Directory.EnumerateFiles(rootfs, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(rootfs, file);
            Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(Path.Combine(unpacked, relative)));
        }

        var manifest = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(tree, "manifest.json")));
        Assert.True((bool)manifest["isComplete"]!);
        Assert.Contains(manifest["artifacts"]!, a => (string)a["path"]! == "examplecam-fw.bin!/0x10000.squashfs!/etc/shadow" && (string)a["kind"]! == "text");
        Assert.Empty(Directory.EnumerateDirectories(tree, ".unpack-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused_and_left_alone()
    {
        using var outDir = new TempDirectory();
        var keep = Path.Combine(outDir.Path, "keep.txt");
        await File.WriteAllTextAsync(keep, "mine");

        var (exit, _, error) = await Cli.RunAsync("unpack", Firmware, "--out", outDir.Path);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not empty", error, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(outDir.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--max-unpack-bytes", "lots")]
    [InlineData("--max-unpack-depth", "0")]
    [InlineData("--max-unpack-ratio", "1")]
    public async Task Out_of_range_limits_are_usage_errors(string option, string value)
    {
        using var outDir = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("unpack", Firmware, "--out", Path.Combine(outDir.Path, "x"), option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_low_file_limit_stops_the_container_and_says_which_limit()
    {
        using var outDir = new TempDirectory();
        var tree = Path.Combine(outDir.Path, "cam");

        var (exit, output, error) = await Cli.RunAsync("unpack", Firmware, "--out", tree, "--max-unpack-files", "5");

        Assert.True(exit == ExitCodes.Ok, error);
        var manifest = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(tree, "manifest.json")));
        Assert.False((bool)manifest["isComplete"]!);
        Assert.Contains(manifest["notes"]!, n => ((string)n!).Contains("--max-unpack-files", StringComparison.Ordinal));
        Assert.Contains("partial", output, StringComparison.Ordinal);
    }
}

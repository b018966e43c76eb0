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
        Assert.False(Directory.Exists(Path.Combine(tree, "_scratch")), "the scratch folder of external extractors stays behind");
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
    [InlineData("--max-carved-images", "0")]
    [InlineData("--external-timeout", "0")]
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

    [Fact]
    public async Task An_image_of_unknown_length_at_the_start_does_not_hide_the_images_after_it()
    {
        // A gzip stream (no length in its header) padded to 64 KiB, then a squashfs: both must be found.
        using var outDir = new TempDirectory();
        var squashfs = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "unpack", "squashfs", "gzip.sqfs"));
        using var gzipped = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(new byte[200_000]);
        }

        var blob = new byte[0x10000 + squashfs.Length];
        Array.Fill(blob, (byte)0xFF, 0, 0x10000);
        gzipped.ToArray().CopyTo(blob, 0);
        squashfs.CopyTo(blob, 0x10000);
        var file = Path.Combine(outDir.Path, "blob.bin");
        await File.WriteAllBytesAsync(file, blob);

        var manifest = await UnpackAsync(file, Path.Combine(outDir.Path, "tree"));

        var containers = manifest["artifacts"]!.Where(a => a["container"] is not null).ToDictionary(a => (string)a["path"]!, a => (string)a["container"]!["format"]!);
        Assert.Equal("gzip", containers["blob.bin!/0x0.gzip"]);
        Assert.Equal("squashfs", containers["blob.bin!/0x10000.squashfs"]);
    }

    [Fact]
    public async Task Esp_app_images_in_a_flash_dump_are_recognised_though_they_cannot_be_carved()
    {
        using var outDir = new TempDirectory();
        var flash = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "unpack", "formats", "esp", "flash.bin");

        var manifest = await UnpackAsync(flash, Path.Combine(outDir.Path, "tree"));

        var apps = manifest["artifacts"]!.Where(a => (string?)a["container"]?["format"] == "esp-app-image").Select(a => (string)a["path"]!).ToArray();
        Assert.Contains(apps, p => p.EndsWith("partitions/ota_0.bin", StringComparison.Ordinal));
        Assert.Contains(apps, p => p.EndsWith("partitions/ota_1.bin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_low_carve_check_limit_stops_the_search_and_says_so()
    {
        using var outDir = new TempDirectory();
        var tree = Path.Combine(outDir.Path, "tree");

        var (exit, _, error) = await Cli.RunAsync("unpack", Firmware, "--out", tree, "--max-carve-checks", "1");

        Assert.True(exit == ExitCodes.Ok, error);
        var manifest = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(tree, "manifest.json")));
        Assert.False((bool)manifest["isComplete"]!);
        Assert.Contains(manifest["notes"]!, n => ((string)n!).Contains("--max-carve-checks", StringComparison.Ordinal));
    }

    private static async Task<JObject> UnpackAsync(string file, string tree)
    {
        var (exit, _, error) = await Cli.RunAsync("unpack", file, "--out", tree);
        Assert.True(exit == ExitCodes.Ok, error);
        return JObject.Parse(await File.ReadAllTextAsync(Path.Combine(tree, "manifest.json")));
    }
}

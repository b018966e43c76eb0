using ComplianceAuditor.Cli;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking.Tests.TestFormats;

namespace ComplianceAuditor.Unpacking.Tests;

/// <summary>
/// The commands that unpack, driven in-process. They use the application's own format registry, so the test formats
/// cannot be planted here: the audit tests check the work folder's lifetime, the unpack tests use a cpio archive.
/// </summary>
public sealed class CliTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1767225600" };
        var exit = await CliApp.RunAsync(args, new CliConsole(output, error, rich: false), TimeProvider.System, name => environment.GetValueOrDefault(name), cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] WorkFolders(string output) =>
        Directory.Exists(output) ? Directory.GetDirectories(output, ".unpack-*", SearchOption.AllDirectories) : [];

    /// <summary>A small initramfs, so the audit really writes into its work folder.</summary>
    private static string Firmware(TempDirectory temp) =>
        temp.Write("fw.bin", Enumerable.Range(0, 40).Aggregate(new NewcArchive().File("etc/passwd", "root::0:0\n"), (a, i) => a.File($"usr/share/{i}", new string('x', 5000))).Build());

    [Fact]
    public async Task An_audit_leaves_its_reports_and_no_work_folder()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out");

        var (exit, _, error) = await RunAsync(CancellationToken.None, "audit", Firmware(temp), "--out", output, "--format", "json");

        Assert.True(exit == ExitCodes.Ok, error);
        var report = File.ReadAllText(Path.Combine(output, "report.json"));
        Assert.Contains("\"fw.bin!/etc/passwd\"", report, StringComparison.Ordinal);
        Assert.Empty(WorkFolders(output));
    }

    [Fact]
    public async Task A_cancelled_audit_leaves_no_work_folder()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var (exit, _, _) = await RunAsync(cancelled.Token, "audit", Firmware(temp), "--out", output, "--format", "json");

        Assert.Equal(ExitCodes.AuditFailed, exit);
        Assert.Empty(WorkFolders(output));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(200)]
    [InlineData(400)]
    public async Task An_audit_cancelled_while_it_runs_leaves_no_work_folder(int milliseconds)
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(milliseconds));

        var (exit, _, error) = await RunAsync(cancel.Token, "audit", Firmware(temp), "--out", output, "--format", "json,sarif,html");

        Assert.True(exit is ExitCodes.Ok or ExitCodes.AuditFailed, error);
        Assert.Empty(WorkFolders(output));
    }

    [Fact]
    public async Task No_work_folder_is_made_with_no_unpack()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out");

        var (exit, _, error) = await RunAsync(CancellationToken.None, "audit", Firmware(temp), "--out", output, "--format", "json", "--no-unpack");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Empty(WorkFolders(output));
    }

    [Fact]
    public async Task Unpack_writes_a_tree_and_a_manifest_without_links_and_nothing_outside()
    {
        using var temp = new TempDirectory();
        var tag = Guid.NewGuid().ToString("N")[..12];
        var outside = Directory.CreateDirectory(Path.Combine(temp.Path, "outside")).FullName;
        var firmware = temp.Write("fw.bin", new NewcArchive()
            .Directory("etc")
            .File("etc/passwd", "root::0:0\n")
            .Symlink("out", outside)
            .File("out/evil", "through the link?\n")
            .File($"../../evil-{tag}", "climbing?\n")
            .Build());
        var output = Path.Combine(temp.Path, "a", "b", "tree");

        var (exit, _, error) = await RunAsync(CancellationToken.None, "unpack", firmware, "--out", output);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal("root::0:0\n", File.ReadAllText(Path.Combine(output, "fw.bin.extracted", "etc", "passwd")));
        Assert.Equal("through the link?\n", File.ReadAllText(Path.Combine(output, "fw.bin.extracted", "out", "evil")));
        Assert.Equal(["fw.bin.extracted", "manifest.json"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var everything = Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories).ToArray();
        Assert.DoesNotContain(everything, p => new FileInfo(p).LinkTarget is not null);
        Assert.DoesNotContain(everything, p => p.Contains("evil-", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));

        var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json"))).RootElement;
        Assert.False(manifest.GetProperty("isComplete").GetBoolean());
        var link = manifest.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("path").GetString() == "fw.bin!/out");
        Assert.Equal(("symlink", outside), (link.GetProperty("kind").GetString(), link.GetProperty("linkTarget").GetString()));
    }

    [Fact]
    public async Task Unpack_refuses_a_folder_that_is_not_empty()
    {
        using var temp = new TempDirectory();
        var firmware = temp.Write("fw.bin", new NewcArchive().File("a", "x").Build());
        var output = temp.Write("tree/keep.txt", "mine");

        var (exit, _, error) = await RunAsync(CancellationToken.None, "unpack", firmware, "--out", Path.GetDirectoryName(output)!);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not empty", error, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Unpack_limits_from_the_command_line_reach_the_driver()
    {
        using var temp = new TempDirectory();
        var firmware = temp.Write("fw.bin", new NewcArchive().File("a", "1").File("b", "2").File("c", "3").Build());
        var output = Path.Combine(temp.Path, "tree");

        var (exit, _, error) = await RunAsync(CancellationToken.None, "unpack", firmware, "--out", output, "--max-unpack-files", "2");

        Assert.True(exit == ExitCodes.Ok, error);
        var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json"))).RootElement;
        Assert.False(manifest.GetProperty("isComplete").GetBoolean());
        Assert.Contains(manifest.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("--max-unpack-files", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(output, "fw.bin.extracted", "c")));
    }

    [Theory]
    [InlineData("--max-unpack-bytes", "12X")]
    [InlineData("--max-unpack-bytes", "0")]
    [InlineData("--max-unpack-file-bytes", "-1")]
    [InlineData("--max-unpack-depth", "0")]
    [InlineData("--max-unpack-ratio", "1")]
    public async Task Unpack_limits_out_of_range_are_usage_errors(string option, string value)
    {
        using var temp = new TempDirectory();
        var firmware = temp.Write("fw.bin", new NewcArchive().File("a", "1").Build());
        var output = Path.Combine(temp.Path, "tree");

        var (exit, _, error) = await RunAsync(CancellationToken.None, "unpack", firmware, "--out", output, option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}

using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Cli.Tests;

public sealed class ExitCodeTests
{
    private static readonly string Vulnerable = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");
    private static readonly string Clean = Path.Combine(RepositoryPaths.Examples, "clean-rootfs");

    [Fact]
    public async Task Help_exits_0()
    {
        var (exit, output, _) = await Cli.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("audit", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        var (exit, _, error) = await Cli.RunAsync("audit", Vulnerable, "--no-such-option");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_target_exits_2_with_one_clear_line()
    {
        using var outDir = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", "no/such/firmware.bin", "--out", outDir.Path);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("error: target 'no/such/firmware.bin' does not exist", error.Trim());
    }

    [Fact]
    public async Task Findings_at_or_above_fail_on_exit_1_and_below_it_exit_0()
    {
        using var outDir = new TempDirectory();

        Assert.Equal(ExitCodes.FindingsAtThreshold, (await Cli.RunAsync("audit", Vulnerable, "--out", outDir.Path, "--format", "json", "--fail-on", "high")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("audit", Vulnerable, "--out", outDir.Path, "--format", "json")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("audit", Clean, "--out", outDir.Path, "--format", "json", "--fail-on", "info")).ExitCode);
    }

    [Fact]
    public async Task Invalid_rule_folder_exits_3_naming_file_line_and_column()
    {
        using var rules = new TempDirectory();
        rules.Write("CMP9001.broken.yaml", "schemaVersion: 1\nid: CMP9001\nbogus: true\n");
        using var outDir = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", Vulnerable, "--out", outDir.Path, "--rules", rules.Path);

        Assert.Equal(ExitCodes.InvalidRules, exit);
        Assert.Contains("CMP9001.broken.yaml:3:1: unknown key 'bogus'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir.Path, "report.json")));
    }

    [Fact]
    public async Task Unknown_format_and_unknown_disabled_rule_are_usage_errors()
    {
        using var outDir = new TempDirectory();

        Assert.Equal(ExitCodes.Usage, (await Cli.RunAsync("audit", Vulnerable, "--out", outDir.Path, "--format", "docx")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await Cli.RunAsync("audit", Vulnerable, "--out", outDir.Path, "--disable", "CMP0000")).ExitCode);
    }

    [Fact]
    public async Task Output_folder_inside_a_target_is_refused_so_inputs_are_never_written()
    {
        using var target = new TempDirectory();
        target.Write("etc/passwd", "root:x:0:0::/root:/bin/sh\n");

        var (exit, _, error) = await Cli.RunAsync("audit", target.Path, "--out", Path.Combine(target.Path, "reports"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("inside target", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(target.Path, "reports")));
    }

    [Theory]
    [InlineData("..out")]
    [InlineData("sub/../..reports")]
    public async Task Output_folder_named_like_a_parent_is_still_seen_as_inside(string outName)
    {
        using var target = new TempDirectory();
        target.Write("etc/passwd", "root:x:0:0::/root:/bin/sh\n");

        var (exit, _, _) = await Cli.RunAsync("audit", target.Path, "--out", Path.Combine(target.Path, outName));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Single(Directory.EnumerateFileSystemEntries(target.Path));
    }

    [Fact]
    public async Task Output_folder_reached_through_a_link_into_the_target_is_refused()
    {
        using var work = new TempDirectory();
        work.Write("fs/etc/passwd", "root:x:0:0::/root:/bin/sh\n");
        var link = Path.Combine(work.Path, "link");
        Directory.CreateSymbolicLink(link, Path.Combine(work.Path, "fs"));

        var (exit, _, error) = await Cli.RunAsync("audit", Path.Combine(work.Path, "fs"), "--out", Path.Combine(link, "out"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("inside target", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work.Path, "fs", "out")));
    }

    [Fact]
    public async Task Firmware_target_given_as_a_link_is_audited_as_the_file_it_points_to()
    {
        using var work = new TempDirectory();
        // A real (throwaway) private key, so the critical private-key rule fails: lookalikes are set aside.
        var key = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "ComplianceAuditor.KeyMaterial.Tests", "Fixtures", "rsa2048-pkcs8.pem"));
        var image = work.Write("images/fw.img", [0, 0, .. key]);
        var link = Path.Combine(work.Path, "current.img");
        File.CreateSymbolicLink(link, image);
        var outDir = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", link, "--out", outDir, "--format", "json", "--fail-on", "critical");

        Assert.True(exit == ExitCodes.FindingsAtThreshold, error);
        var report = await File.ReadAllTextAsync(Path.Combine(outDir, "report.json"));
        Assert.Contains("\"name\": \"current.img\"", report, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"CMP2005\"", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_with_a_missing_font_file_exits_4_and_writes_no_partial_file()
    {
        using var outDir = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", Clean, "--out", outDir.Path, "--format", "pdf", "--pdf-font", "/no/such/font.ttf");

        Assert.Equal(ExitCodes.AuditFailed, exit);
        Assert.Contains("font", error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(outDir.Path));
    }
}

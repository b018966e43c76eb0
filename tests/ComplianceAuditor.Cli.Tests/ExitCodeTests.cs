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

using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>--template-dir from the command line to report.html, and its mistakes stopping the run before the audit.</summary>
public sealed class TemplateDirOptionTests
{
    private static readonly string Target = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");

    [Fact]
    public async Task A_lab_partial_replaces_the_built_in_one_in_report_html()
    {
        using var work = new TempDirectory();
        var labDir = Path.Combine(work.Path, "lab-templates");
        Directory.CreateDirectory(labDir);
        await File.WriteAllTextAsync(Path.Combine(labDir, "_header.liquid"), "<header><h1>Test Lab Ltd: {{ report.inputs[0].name }}</h1></header>");
        var output = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", output, "--format", "html", "--fail-on", "none", "--template-dir", labDir);

        Assert.True(exit == ExitCodes.Ok, error);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
        Assert.Contains("<h1>Test Lab Ltd: vulnerable-rootfs</h1>", html, StringComparison.Ordinal);
        // The partials the lab left out come from the built-in set.
        Assert.Contains("id=\"findings-table\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_template_folder_exits_2_before_the_audit()
    {
        using var work = new TempDirectory();
        var missing = Path.Combine(work.Path, "no-templates");
        var output = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", output, "--format", "json,html", "--template-dir", missing);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "report.json")), "no report is written when the run stops before the audit");
    }

    [Fact]
    public async Task A_broken_lab_template_exits_2_naming_the_file()
    {
        using var work = new TempDirectory();
        var broken = work.Write("lab/_findings.liquid", "{% if %}");
        var output = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", output, "--format", "json,html", "--template-dir", Path.GetDirectoryName(broken)!);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(broken, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "report.json")));
    }

    [Fact]
    public async Task A_lab_template_that_runs_away_exits_4_with_the_bound_it_passed_and_leaves_no_partial_page()
    {
        using var work = new TempDirectory();
        var lab = work.Write("lab/_summary.liquid", "{% assign s = 'x' %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}");
        var output = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", output, "--format", "html", "--template-dir", Path.GetDirectoryName(lab)!);

        Assert.Equal(ExitCodes.AuditFailed, exit);
        Assert.Contains("report.html.liquid: the filter 'append' would make a string of ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "report.html")), "a page stopped half-way is not left behind");
    }

    [Fact]
    public async Task A_lab_template_that_is_a_link_loop_exits_2_naming_the_file()
    {
        using var work = new TempDirectory();
        var lab = Path.Combine(work.Path, "lab");
        Directory.CreateDirectory(lab);
        var loop = Path.Combine(lab, "_summary.liquid");
        File.CreateSymbolicLink(loop, "_summary.liquid");
        var output = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", output, "--format", "json,html", "--template-dir", lab);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(loop + ":", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "report.json")));
    }

    [Fact]
    public async Task A_lab_theme_names_the_lab_in_report_html()
    {
        using var work = new TempDirectory();
        var theme = work.Write("lab.theme.yaml", "name: Test Lab Ltd\nfooter: Accreditation 1234\ncolours:\n  primary: \"#224466\"\n");
        var output = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", output, "--format", "html", "--fail-on", "none", "--theme", theme);

        Assert.True(exit == ExitCodes.Ok, error);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
        Assert.Contains("<span class=\"lab-name\">Test Lab Ltd</span>", html, StringComparison.Ordinal);
        Assert.Contains("Accreditation 1234", html, StringComparison.Ordinal);
        Assert.Contains("--primary:#224466;", html, StringComparison.Ordinal);
    }
}

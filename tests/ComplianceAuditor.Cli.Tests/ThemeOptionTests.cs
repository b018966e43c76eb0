using System.Text;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// <c>audit --theme</c>: a good theme brands the PDF; a bad one stops the run as a usage error before the audit, with
/// the file, the place and the problem, and nothing is written.
/// </summary>
public sealed class ThemeOptionTests
{
    private static readonly string Target = Path.Combine(RepositoryPaths.Examples, "clean-rootfs");

    [Fact]
    public async Task A_theme_with_an_unknown_key_is_a_usage_error_before_the_audit()
    {
        using var work = new TempDirectory();
        var theme = work.Write("lab.theme.yaml", "name: Acme Lab\ncolour:\n  primary: \"#123456\"\n");
        var output = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", output, "--format", "json,pdf", "--theme", theme);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{theme}:2:1: unknown key 'colour'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "report.json")), "the audit ran although the theme was bad");
    }

    [Fact]
    public async Task A_bad_theme_is_a_usage_error_even_when_no_format_uses_it()
    {
        using var work = new TempDirectory();
        var theme = work.Write("lab.theme.yaml", "name: Acme Lab\nlogoo: logo.png\n");
        var output = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", output, "--format", "json", "--theme", theme);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{theme}:2:1: unknown key 'logoo'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "report.json")), "the audit ran although the theme was bad");
    }

    [Fact]
    public async Task A_missing_theme_file_is_a_usage_error()
    {
        using var work = new TempDirectory();
        var theme = Path.Combine(work.Path, "missing.yaml");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", Path.Combine(work.Path, "out"), "--format", "pdf", "--theme", theme);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(theme, error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_logo_that_is_not_an_image_is_a_usage_error()
    {
        using var work = new TempDirectory();
        work.Write("logo.png", "<svg xmlns='http://www.w3.org/2000/svg'/>");
        var theme = work.Write("lab.theme.yaml", "name: Acme Lab\nlogo: logo.png\n");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", Path.Combine(work.Path, "out"), "--format", "pdf", "--theme", theme);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not a PNG or JPEG image", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_theme_names_the_lab_as_the_pdf_author()
    {
        using var work = new TempDirectory();
        var theme = work.Write("lab.theme.yaml", "name: Acme Lab\nfooter: Accreditation 4711\ncolours:\n  primary: \"#00A884\"\n");
        var output = Path.Combine(work.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Target, "--out", output, "--format", "pdf", "--theme", theme);

        Assert.True(exit is ExitCodes.Ok or ExitCodes.FindingsAtThreshold, error);
        // The information dictionary is plain text in the file (the page text is in font encodings, not greppable).
        var pdf = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(output, "report.pdf")));
        Assert.Contains("/Author (Acme Lab)", pdf, StringComparison.Ordinal);
    }
}

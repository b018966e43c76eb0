using System.Diagnostics;
using ComplianceAuditor.Reporting.Theme;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>
/// Theme and logo paths that are not regular files (a device that never ends, a FIFO that blocks on open, links to
/// them) and values YAML turns into something unexpected are refused with a theme error, quickly.
/// </summary>
public sealed class ThemeFileSafetyTests
{
    [Fact]
    public void A_theme_that_is_a_device_is_refused_without_reading_it()
    {
        var e = Assert.Throws<ThemeException>(() => Within(() => ThemeLoader.Load("/dev/zero")));

        Assert.Contains("not a regular file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logo_that_links_to_a_device_is_refused()
    {
        using var folder = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(folder.Path, "logo.png"), "/dev/zero");
        var path = ThemeFiles.Write(folder, "logo: logo.png\n");

        var e = Assert.Throws<ThemeException>(() => Within(() => ThemeLoader.Load(path)));

        Assert.StartsWith($"{path}:1:1", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a regular file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_as_theme_or_logo_is_refused_instead_of_waiting_for_a_writer()
    {
        using var folder = new TempDirectory();
        var fifo = Path.Combine(folder.Path, "pipe");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var asTheme = Assert.Throws<ThemeException>(() => Within(() => ThemeLoader.Load(fifo)));
        var asLogo = Assert.Throws<ThemeException>(() => Within(() => ThemeLoader.Load(ThemeFiles.Write(folder, "logo: pipe\n"))));

        Assert.Contains("not a regular file", asTheme.Message, StringComparison.Ordinal);
        Assert.Contains("not a regular file", asLogo.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logo: \"a\\0b.png\"\n", "cannot be used")]
    [InlineData("logo: \"\"\n", "'logo' is empty")]
    [InlineData("colours:\n  pass: #00ff00\n", "a # starts a YAML comment: write the colour in quotes, e.g. '#00ff00'")]
    public void A_value_yaml_makes_unusable_is_a_theme_error_at_its_place(string yaml, string expected)
    {
        using var folder = new TempDirectory();
        var path = ThemeFiles.Write(folder, yaml);

        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Load(path));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}:[12]:[13]: ", e.Message);
    }

    /// <summary>Runs the load with a time limit, so a regression (reading a device, blocking on a FIFO) fails instead of hanging.</summary>
    private static void Within(Action load)
    {
        var task = Task.Run(load);
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20)), "loading the theme did not finish");
        task.GetAwaiter().GetResult();
    }
}

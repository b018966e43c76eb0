using System.Text.RegularExpressions;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Reporting.Theme;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>A lab's theme (name, logo, colours, footer) on the page, without loading anything and without opening a hole.</summary>
public sealed class HtmlThemeTests
{
    private static readonly byte[] LogoBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 250];

    [Fact]
    public async Task The_lab_name_logo_colours_and_footer_reach_the_page()
    {
        var theme = new ReportTheme
        {
            Name = "Example Lab <Ltd>",
            Footer = "Accreditation 0000",
            Logo = LogoBytes,
            LogoFormat = "png",
            Colours = ThemeColours.Default with { Primary = "#123456", Fail = "#ABCDEF" },
        };

        var html = await new HtmlReportWriter(null, theme).RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.Contains($"<img class=\"logo\" src=\"data:image/png;base64,{Convert.ToBase64String(LogoBytes)}\" alt=\"Example Lab &lt;Ltd&gt;\">", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"lab-name\">Example Lab &lt;Ltd&gt;</span>", html, StringComparison.Ordinal);
        Assert.Contains("--primary:#123456;", html, StringComparison.Ordinal);
        Assert.Contains("--fail:#ABCDEF;", html, StringComparison.Ordinal);
        Assert.Contains("Accreditation 0000 · ", html, StringComparison.Ordinal);
        // The charts take the lab's colours too.
        Assert.Contains("#ABCDEF", Regex.Match(html, "<figure class=\"chart\" id=\"chart-schemes\">.*?</figure>", RegexOptions.Singleline).Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_colour_that_is_not_plain_hex_cannot_reach_the_stylesheet()
    {
        var theme = new ReportTheme { Colours = ThemeColours.Default with { Primary = "red}</style><script>alert(1)</script><style>" } };

        var html = await new HtmlReportWriter(null, theme).RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains($"--primary:{ThemeColours.Default.Primary};", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_theme_the_page_names_no_lab()
    {
        var html = await new HtmlReportWriter().RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.DoesNotContain("class=\"lab\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lab-name", html.Replace(".lab-name", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }
}

using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Tests;

public sealed class HtmlReportTests
{
    [Fact]
    public async Task Firmware_derived_strings_are_encoded_and_sanitised()
    {
        using var dir = new TempDirectory();
        var root = Path.Combine(dir.Path, "<img src=x onerror=alert(1)>");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.WriteAllText(Path.Combine(root, "etc", "shadow"), "root::0:0:99999:7:::<script>x()</script>\u202E\n");

        var html = await new HtmlReportWriter().RenderAsync(await SampleAudit.RunAsync(root));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x()&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_shows_every_failure_every_scheme_and_makes_no_external_request()
    {
        var report = await SampleAudit.RunAsync(Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs"));

        var html = await new HtmlReportWriter().RenderAsync(report);

        foreach (var failure in report.Results.Where(r => r.Outcome == "fail"))
        {
            Assert.Contains($"id=\"f-{failure.Fingerprint}\"", html, StringComparison.Ordinal);
        }

        foreach (var scheme in report.Schemes)
        {
            Assert.Contains($"id=\"scheme-{scheme.Id}\"", html, StringComparison.Ordinal);
            Assert.Equal(scheme.Provisions.Count, CountRows(html, scheme.Id));
        }

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public void Broken_template_is_a_clear_error()
    {
        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter("{% for x in %}", "lab.liquid"));

        Assert.StartsWith("lab.liquid:", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Rows of the provision table that follows a scheme's heading.</summary>
    private static int CountRows(string html, string schemeId)
    {
        var start = html.IndexOf($"id=\"scheme-{schemeId}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return html[start..end].Split("<tr>").Length - 2;
    }
}

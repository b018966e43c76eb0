using System.Text.RegularExpressions;
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

        Assert.DoesNotContain("<script>x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x()&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
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
            Assert.Equal(scheme.Provisions.Count, CountProvisionRows(html, scheme.Id));
        }

        // Nothing that loads (src, a stylesheet link, a CSS url()) points outside the file.
        Assert.DoesNotMatch(new Regex("src=\"(?!data:)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("<link\\b", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("url\\(\\s*['\"]?(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("@import", RegexOptions.IgnoreCase), html);
        // Links a reader may click open without handing over the report's address.
        foreach (Match link in Regex.Matches(html, "<a href=\"https?:[^>]*>"))
        {
            Assert.Contains("rel=\"noopener noreferrer\"", link.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_same_report_gives_the_same_bytes()
    {
        var report = await SampleAudit.RunAsync(Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs"));

        var first = await SampleAudit.RenderAsync(new HtmlReportWriter(), report);
        var second = await SampleAudit.RenderAsync(new HtmlReportWriter(), await SampleAudit.RunAsync(Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs")));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Method_section_names_the_inputs_with_their_hash_and_what_the_tool_cannot_judge()
    {
        var report = await SampleAudit.RunAsync(Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs"));

        var html = await new HtmlReportWriter().RenderAsync(report);

        var method = html[html.IndexOf("id=\"method\"", StringComparison.Ordinal)..];
        foreach (var input in report.Inputs)
        {
            Assert.Contains(input.Sha256, method, StringComparison.Ordinal);
        }

        Assert.Contains("What this tool cannot judge", method, StringComparison.Ordinal);
        var notAssessed = report.Schemes.SelectMany(s => s.Provisions).First(p => p.Verdict == "notAssessed");
        Assert.Contains(notAssessed.Id, method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_script_every_finding_shows_and_the_controls_that_need_it_stay_hidden()
    {
        var html = await new HtmlReportWriter().RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.Contains("<div id=\"findings-controls\" class=\"controls\" hidden>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<tr[^>]*\\shidden", html);
        Assert.Contains("<details class=\"evidence\"><summary>Evidence (1)</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<pre>x=&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("line 3", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printing_hides_the_controls_opens_every_fold_and_starts_each_scheme_on_a_page()
    {
        var html = await new HtmlReportWriter().RenderAsync(HtmlSecurityTests.PlantedReport());

        var print = html[html.IndexOf("@media print", StringComparison.Ordinal)..html.IndexOf("</style>", StringComparison.Ordinal)];
        Assert.Matches("\\.controls[^{]*\\{ display: none", print);
        Assert.Contains(".scheme { break-before: page; }", print, StringComparison.Ordinal);
        Assert.Contains("details::details-content { content-visibility: visible; display: block; }", print, StringComparison.Ordinal);
        Assert.Contains("addEventListener('beforeprint'", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"scheme\" id=\"scheme-scheme\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_offsets_are_shown_in_hex_and_decimal()
    {
        var failure = HandReport.Failure("R1", "fw.bin", "m") with { Evidence = [new Model.EvidenceEntry { Kind = "binary", ByteOffset = 8000, ByteLength = 16 }] };

        var html = await new HtmlReportWriter().RenderAsync(HandReport.With([failure]));

        Assert.Contains("offset 0x1f40 (8000) (16 bytes)", html, StringComparison.Ordinal);
    }

    /// <summary>Rows of the provision table that follows a scheme's heading.</summary>
    private static int CountProvisionRows(string html, string schemeId)
    {
        var start = html.IndexOf($"id=\"scheme-{schemeId}\"", StringComparison.Ordinal);
        var body = html.IndexOf("<tbody>", start, StringComparison.Ordinal);
        var end = html.IndexOf("</tbody>", body, StringComparison.Ordinal);
        return Regex.Count(html[body..end], "<tr[ >]");
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>Hostile text planted wherever firmware or a rule file can put it must reach the page as text only.</summary>
public sealed class HtmlSecurityTests
{
    private const string Planted = "<script>alert(1)</script>";

    [Fact]
    public async Task A_planted_script_comes_out_encoded_and_ours_is_the_only_script()
    {
        var html = await new HtmlReportWriter().RenderAsync(PlantedReport());

        Assert.DoesNotContain(Planted, html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Single(Regex.Matches(html, "</script", RegexOptions.IgnoreCase));
        // Each planted place shows the text, encoded: artifact path, evidence excerpt, rule title, scheme title.
        foreach (var shown in new[] { "fw.bin!/&lt;script&gt;alert(1)&lt;/script&gt;", "x=&lt;script&gt;alert(1)&lt;/script&gt;", "Rule &lt;script&gt;alert(1)&lt;/script&gt;", "Scheme &lt;script&gt;alert(1)&lt;/script&gt;" })
        {
            Assert.Contains(shown, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Quotes_cannot_leave_an_attribute_and_a_textarea_cannot_be_closed()
    {
        var html = await new HtmlReportWriter().RenderAsync(PlantedReport());

        Assert.DoesNotContain("</textarea>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;/textarea&gt;", html, StringComparison.Ordinal);
        // The artifact path (with " and ') sits in data-artifact: the attribute holds it whole, and nothing follows
        // it but the next attribute.
        var attribute = Regex.Match(html, "data-artifact=\"([^\"]*)\" data-waived=");
        Assert.True(attribute.Success);
        Assert.Contains("&quot;", attribute.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("&#x27;", attribute.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onerror", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_http_and_https_references_become_links()
    {
        var html = await new HtmlReportWriter().RenderAsync(PlantedReport());

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        // The titles of the refused references are still shown, as text.
        Assert.Contains("a script link", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a?b=%22c%22\" rel=\"noopener noreferrer\">a real page</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_policy_allows_exactly_the_script_it_carries()
    {
        var html = await new HtmlReportWriter().RenderAsync(PlantedReport());

        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("default-src 'none'", directives);
        Assert.Contains($"script-src 'sha256-{hash}'", directives);
        Assert.Contains("img-src data:", directives);
        Assert.Contains("style-src 'unsafe-inline'", directives);
        // Inline styles are the one thing allowed without a hash; no other directive loosens the policy.
        Assert.Single(directives, d => d.Contains("unsafe", StringComparison.Ordinal));
        Assert.True(script.Length > 500, "the script is rendered from _script.liquid");
    }

    /// <summary>A report with the planted text in a file name, an evidence excerpt, a rule, a scheme and reference URLs.</summary>
    internal static AuditReport PlantedReport()
    {
        var failure = HandReport.Failure("R1", "fw.bin!/" + Planted + "\"'.sh", "message " + Planted) with
        {
            Evidence =
            [
                new EvidenceEntry { Kind = "text", Path = "etc/" + Planted, Line = 3, Excerpt = "x=" + Planted + "</textarea>\"'", Description = "<b onerror=x>" },
            ],
        };
        var rule = new RuleEntry
        {
            Id = "R1",
            Title = "Rule " + Planted,
            Severity = "high",
            CheckKind = "content",
            Catalog = [],
            Provisions = [],
            Rationale = "why " + Planted,
            Remediation = "fix " + Planted,
            References = [new ReferenceEntry("a script link", "javascript:alert(1)"), new ReferenceEntry("a data link", "data:text/html,<script>alert(1)</script>"), new ReferenceEntry("a real page", "https://example.org/a?b=\"c\"")],
            BuiltIn = false,
        };
        var scheme = HandReport.Scheme("Scheme " + Planted, "model", [HandReport.FailingProvision("P-1", "Title " + Planted, "reason " + Planted)]) with
        {
            Url = "javascript:alert(1)",
        };
        return HandReport.With([failure], [scheme]) with { Rules = [rule] };
    }
}

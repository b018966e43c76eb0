using System.Text.RegularExpressions;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>Each rating model is shown in its own form, and a model of ours says it is not an official scheme.</summary>
public sealed class HtmlRatingTests
{
    [Fact]
    public async Task Each_rating_model_is_shown_in_its_own_form()
    {
        var report = HandReport.With([], [
            Scheme("share", "standard", new RatingEntry { Model = "mandatoryShare", Label = "FAIL", Score = 33.33, Grade = "E", Failed = true, Formula = "f" }),
            Scheme("gate", "regulation", new RatingEntry { Model = "passFail", Label = "PASS", Score = 100, Failed = false, Formula = "f" }),
            Scheme("tiers", "label", new RatingEntry { Model = "levels", Label = "LEVEL 1", Score = 50, Level = 1, MaxLevel = 4, Failed = false, Formula = "f" }),
            Scheme("stars", "model", new RatingEntry { Model = "stars", Label = "2 STARS", Score = 40, Level = 2, MaxLevel = 5, Failed = false, Formula = "f" }),
        ]);

        var html = await new HtmlReportWriter().RenderAsync(report);
        var ratings = Regex.Matches(Summary(html), "<td class=\"rating\">(.*?)</td>").Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(4, ratings.Length);
        Assert.Contains("<span class=\"grade tone-fail\" role=\"img\" aria-label=\"grade E\">E</span>", ratings[0], StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge tone-fail\">FAIL</span>", ratings[0], StringComparison.Ordinal);
        Assert.Equal("<span class=\"badge tone-pass\">PASS</span>", ratings[1]);
        Assert.Contains("aria-label=\"level 1 of 4\">■<span class=\"off\">□□□</span>", ratings[2], StringComparison.Ordinal);
        Assert.Contains("aria-label=\"2 of 5 stars\">★★<span class=\"off\">☆☆☆</span>", ratings[3], StringComparison.Ordinal);
        Assert.Contains("33.3 %", Summary(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_model_of_ours_carries_the_notice()
    {
        var official = HandReport.With([], [Scheme("official", "standard", HandReport.Scheme("x", "standard", []).Rating)]);
        var ours = HandReport.With([], [Scheme("ours", "model", HandReport.Scheme("x", "model", []).Rating)]);

        var officialHtml = await new HtmlReportWriter().RenderAsync(official);
        var oursHtml = await new HtmlReportWriter().RenderAsync(ours);

        Assert.DoesNotContain("ComplianceAuditor's own", officialHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"model-note\"", oursHtml, StringComparison.Ordinal);
        // Said once in the summary and again at the top of the scheme's own section.
        Assert.Equal(2, Regex.Count(oursHtml, "ComplianceAuditor's own, not an official scheme or label"));
    }

    [Fact]
    public async Task Counts_follow_the_usual_order_whatever_the_dictionary_order()
    {
        var report = HandReport.With([], []) with
        {
            Summary = new ResultSummary
            {
                Outcomes = new Dictionary<string, int> { ["error"] = 5, ["zeta"] = 6, ["pass"] = 1, ["fail"] = 2 },
                FailuresBySeverity = new Dictionary<string, int> { ["low"] = 3, ["critical"] = 4 },
            },
        };

        var html = await new HtmlReportWriter().RenderAsync(report);

        var outcomes = Regex.Matches(html, "<th class=\"v v-([a-zA-Z]+)\">").Select(m => m.Groups[1].Value);
        Assert.Equal(["pass", "fail", "error", "zeta"], outcomes);
        var severities = Regex.Matches(html, "<th class=\"sev sev-([a-z]+)\">").Select(m => m.Groups[1].Value);
        Assert.Equal(["critical", "low"], severities);
    }

    private static string Summary(string html)
    {
        var start = html.IndexOf("id=\"summary\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static SchemeEntry Scheme(string id, string kind, RatingEntry rating) =>
        HandReport.Scheme(id, kind, [HandReport.FailingProvision("P-1", "t", "r")]) with { Id = id, Rating = rating };
}

using System.Text.RegularExpressions;
using ComplianceAuditor.Reporting.Html;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>The summary charts reach the page as inline SVG, and hostile scheme titles stay text inside them.</summary>
public sealed class HtmlChartTests
{
    [Fact]
    public async Task Every_chart_is_inline_svg_with_its_numbers_in_words()
    {
        var report = HtmlSecurityTests.PlantedReport();

        var html = await new HtmlReportWriter().RenderAsync(report);

        foreach (var id in new[] { "outcomes", "schemes", "gauge" })
        {
            var figure = Figure(html, id);
            Assert.Contains("<svg", figure, StringComparison.Ordinal);
            Assert.Matches("<figcaption>[^<]*\\d[^<]*</figcaption>", figure);
        }
    }

    [Fact]
    public async Task A_scheme_title_with_a_script_stays_escaped_inside_the_charts()
    {
        var html = await new HtmlReportWriter().RenderAsync(HtmlSecurityTests.PlantedReport());

        var schemes = Figure(html, "schemes");
        Assert.Contains("Scheme &lt;script&gt;", schemes, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<script|<foreignObject|href=\"(?!#)", RegexOptions.IgnoreCase), schemes);
        Assert.DoesNotMatch(new Regex("<script|<foreignObject|href=\"(?!#)", RegexOptions.IgnoreCase), Figure(html, "gauge"));
    }

    [Fact]
    public async Task A_report_without_schemes_has_no_scheme_chart_or_gauge()
    {
        var html = await new HtmlReportWriter().RenderAsync(HandReport.With([HandReport.Failure("R1", "a", "m")]));

        Assert.Contains("id=\"chart-outcomes\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-schemes\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-gauge\"", html, StringComparison.Ordinal);
    }

    private static string Figure(string html, string id)
    {
        var start = html.IndexOf($"<figure class=\"chart\" id=\"chart-{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"chart {id} is on the page");
        return html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }
}

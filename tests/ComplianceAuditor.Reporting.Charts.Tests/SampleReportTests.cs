using System.Text.Json;
using System.Xml.Linq;
using ComplianceAuditor.Reporting.Json;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Charts.Tests;

/// <summary>The charts of a real audit: the example firmware's report.json from the committed samples.</summary>
public class SampleReportTests
{
    private static AuditReport Load()
    {
        var path = Path.Combine(RepositoryPaths.Reports, "samples", "examplecam-fw-declared", "report.json");
        return JsonSerializer.Deserialize<AuditReport>(File.ReadAllText(path), ReportJson.Options)
            ?? throw new InvalidOperationException(path + " holds no report");
    }

    [Fact]
    public void The_example_report_has_all_charts_with_the_etsi_score_as_headline()
    {
        var report = Load();

        var charts = ReportCharts.For(report);

        Assert.Equal(["outcomes", "schemes", "gauge"], charts.Select(c => c.Id));
        var etsi = report.Schemes.Single(s => s.Id == "etsi-en-303-645");
        Assert.Contains($"{etsi.ShortTitle}: {etsi.Rating.Score.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} of 100", charts[2].Description, StringComparison.Ordinal);
        Assert.All(report.Schemes, s => Assert.Contains(s.ShortTitle, charts[1].Description, StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_report_renders_to_stable_well_formed_svg()
    {
        var report = Load();

        var first = ReportCharts.For(report).Select(c => c.ToSvg(ChartStyle.Default)).ToArray();
        var second = ReportCharts.For(Load()).Select(c => c.ToSvg(ChartStyle.Default)).ToArray();

        Assert.Equal(first, second);
        Assert.All(first, svg => Assert.Equal("svg", XElement.Parse(svg).Name.LocalName));
        // Every scheme has its row label drawn (long ones cut with an ellipsis, so compare the start).
        var texts = XElement.Parse(first[1]).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();
        Assert.All(report.Schemes, s => Assert.Contains(texts, t => t.StartsWith(s.ShortTitle[..Math.Min(12, s.ShortTitle.Length)], StringComparison.Ordinal)));
    }
}

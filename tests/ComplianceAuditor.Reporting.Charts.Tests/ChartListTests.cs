using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Charts.Tests;

public class ChartListTests
{
    [Fact]
    public void A_report_with_results_and_schemes_has_all_three_charts_in_order()
    {
        var charts = ReportCharts.For(HandReport.ThreeSchemes());

        Assert.Equal(["outcomes", "schemes", "gauge"], charts.Select(c => c.Id));
        Assert.All(charts, c => Assert.False(string.IsNullOrWhiteSpace(c.Title)));
        Assert.All(charts, c => Assert.True(c.Width > 0 && c.Height > 0));
    }

    [Fact]
    public void Without_schemes_there_is_no_scheme_chart_and_no_gauge()
    {
        var charts = ReportCharts.For(HandReport.With());

        Assert.Equal(["outcomes"], charts.Select(c => c.Id));
    }

    [Fact]
    public void Without_any_result_the_outcomes_chart_is_left_out()
    {
        var charts = ReportCharts.For(HandReport.Empty(HandReport.ThreeSchemes().Schemes));

        Assert.Equal(["schemes", "gauge"], charts.Select(c => c.Id));
    }

    [Fact]
    public void An_empty_report_has_no_charts()
    {
        Assert.Empty(ReportCharts.For(HandReport.Empty()));
    }

    [Fact]
    public void The_scheme_chart_grows_with_the_number_of_schemes()
    {
        var one = Chart(HandReport.With([HandReport.Scheme("a", "A", 10, verdicts: ["pass"])]), "schemes");
        var three = Chart(HandReport.ThreeSchemes(), "schemes");

        Assert.True(three.Height > one.Height, $"{three.Height} should exceed {one.Height}");
    }

    [Fact]
    public void The_outcomes_description_says_the_numbers_with_waived_failures_apart()
    {
        var report = HandReport.With(
            outcomes: new Dictionary<string, int> { ["pass"] = 40, ["fail"] = 7, ["notApplicable"] = 12, ["inconclusive"] = 3 },
            severities: new Dictionary<string, int> { ["critical"] = 1, ["high"] = 3, ["medium"] = 1 },
            waived: 2);

        var description = Chart(report, "outcomes").Description;

        Assert.Contains("40 pass", description, StringComparison.Ordinal);
        Assert.Contains("5 fail", description, StringComparison.Ordinal);
        Assert.Contains("2 waived", description, StringComparison.Ordinal);
        Assert.Contains("12 not applicable", description, StringComparison.Ordinal);
        Assert.Contains("1 critical", description, StringComparison.Ordinal);
        Assert.Contains("3 high", description, StringComparison.Ordinal);
        Assert.DoesNotContain("error", description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scheme_description_counts_provisions_per_verdict_for_every_scheme_in_order()
    {
        var description = Chart(HandReport.ThreeSchemes(), "schemes").Description;

        Assert.Contains("UK PSTI (FAIL): 2 pass, 1 fail of 3 provisions", description, StringComparison.Ordinal);
        Assert.Contains("ETSI EN 303 645 (FAIL): 1 pass, 1 fail, 1 inconclusive, 1 not applicable, 1 not assessed of 5 provisions", description, StringComparison.Ordinal);
        Assert.True(
            description.IndexOf("UK PSTI", StringComparison.Ordinal) < description.IndexOf("ETSI", StringComparison.Ordinal)
            && description.IndexOf("ETSI", StringComparison.Ordinal) < description.IndexOf("ioXt", StringComparison.Ordinal),
            description);
    }

    [Fact]
    public void The_summary_counts_win_over_counting_provisions_when_the_report_has_them()
    {
        var scheme = HandReport.Scheme("a", "A", 10, verdicts: ["pass"]) with
        {
            Summary = new Dictionary<string, int> { ["pass"] = 4, ["fail"] = 6, ["mandatory"] = 9 },
        };

        var description = Chart(HandReport.With([scheme]), "schemes").Description;

        Assert.Contains("4 pass, 6 fail of 10 provisions", description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_set_with_very_many_schemes_gets_a_chart_of_bounded_height_that_says_so()
    {
        var schemes = Enumerable.Range(0, 45)
            .Select(i => HandReport.Scheme("s" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), "Scheme " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i, verdicts: ["pass"]))
            .ToArray();
        var thirty = Chart(HandReport.With(schemes.Take(30).ToArray()), "schemes");

        var chart = Chart(HandReport.With(schemes), "schemes");

        Assert.Equal(thirty.Height, chart.Height);
        Assert.Contains("Scheme 29 (FAIL)", chart.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Scheme 30 (FAIL)", chart.Description, StringComparison.Ordinal);
        Assert.Contains("15 more schemes", chart.Description, StringComparison.Ordinal);
    }

    internal static ReportChart Chart(AuditReport report, string id) => ReportCharts.For(report).Single(c => c.Id == id);
}

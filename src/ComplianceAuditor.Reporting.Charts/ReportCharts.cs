using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>
/// The charts a report has, always in the order outcomes, schemes, gauge. A chart with nothing to show is left out:
/// a report without results has no outcomes chart, one without schemes has neither the schemes chart nor the gauge.
/// </summary>
public static class ReportCharts
{
    /// <summary>The scheme the summary leads with, before any other, when the rule set has it.</summary>
    public const string PreferredHeadline = "etsi-en-303-645";

    public static IReadOnlyList<ReportChart> For(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var charts = new List<ReportChart>(3);
        if (OutcomeCounts.Any(report.Summary))
        {
            charts.Add(OutcomesChart.Create(report.Summary));
        }

        if (report.Schemes.Count > 0)
        {
            charts.Add(SchemesChart.Create(report.Schemes));
        }

        if (HeadlineScheme(report) is { } headline)
        {
            charts.Add(GaugeChart.Create(headline));
        }

        return charts;
    }

    /// <summary>
    /// The scheme whose score the gauge shows: ETSI EN 303 645 when present (the baseline every other consumer IoT
    /// scheme builds on), else the first scored by share of mandatory provisions, else the first; null without schemes.
    /// </summary>
    public static SchemeEntry? HeadlineScheme(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Schemes.FirstOrDefault(s => string.Equals(s.Id, PreferredHeadline, StringComparison.Ordinal))
            ?? report.Schemes.FirstOrDefault(s => string.Equals(s.Rating.Model, "mandatoryShare", StringComparison.Ordinal))
            ?? (report.Schemes.Count > 0 ? report.Schemes[0] : null);
    }
}

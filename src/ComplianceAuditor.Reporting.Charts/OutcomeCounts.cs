using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>One bar: its word (as in report.json), its label beside the bar, and its count.</summary>
internal sealed record CountBar(string Key, string Label, int Count);

/// <summary>The numbers of the outcomes chart, taken from the report's summary.</summary>
internal static class OutcomeCounts
{
    /// <summary>
    /// Results by outcome with waived failures apart from the others: a waived failure is a decision someone made,
    /// and counting it with open failures would overstate what is left to fix. "error" only shows when there is one.
    /// </summary>
    public static IReadOnlyList<CountBar> Outcomes(ResultSummary summary)
    {
        var outcomes = summary.Outcomes;
        var waived = Math.Max(0, summary.Waived);
        var bars = new List<CountBar>
        {
            new("pass", "Pass", ChartText.Count(outcomes, "pass")),
            new("fail", "Fail", Math.Max(0, ChartText.Count(outcomes, "fail") - waived)),
            new("waived", "Waived", waived),
            new("inconclusive", "Inconclusive", ChartText.Count(outcomes, "inconclusive")),
            new("notApplicable", "Not applicable", ChartText.Count(outcomes, "notApplicable")),
        };
        if (ChartText.Count(outcomes, "error") > 0)
        {
            bars.Add(new("error", "Error", ChartText.Count(outcomes, "error")));
        }

        return bars;
    }

    /// <summary>Open (unwaived) failures by severity, most severe first.</summary>
    public static IReadOnlyList<CountBar> Severities(ResultSummary summary) =>
        ReportFindings.SeverityOrder
            .Select(s => new CountBar(s, char.ToUpperInvariant(s[0]) + s[1..], ChartText.Count(summary.FailuresBySeverity, s)))
            .ToArray();

    /// <summary>True when the report has at least one result of any outcome.</summary>
    public static bool Any(ResultSummary summary) => summary.Outcomes.Values.Any(n => n > 0) || summary.Waived > 0;
}

using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>How a scheme's provisions split by verdict.</summary>
internal static class SchemeShares
{
    /// <summary>The verdicts in the order the stacked bar shows them: settled ones first, the unknown last.</summary>
    public static IReadOnlyList<string> Verdicts { get; } = ["pass", "fail", "inconclusive", "notApplicable", "notAssessed"];

    /// <summary>
    /// Counts from the scheme's summary; when the summary holds no verdict counts (a report written by hand or by an
    /// older version) they are counted from the provisions, so the bar never claims a scheme is empty when it is not.
    /// </summary>
    public static IReadOnlyList<CountBar> For(SchemeEntry scheme)
    {
        var fromSummary = Verdicts.Select(v => ChartText.Count(scheme.Summary, v)).ToArray();
        var counts = fromSummary.Sum() > 0
            ? fromSummary
            : Verdicts.Select(v => scheme.Provisions.Count(p => string.Equals(p.Verdict, v, StringComparison.Ordinal))).ToArray();
        return Verdicts.Select((v, i) => new CountBar(v, ChartText.Word(v), counts[i])).ToArray();
    }
}

using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting;

/// <summary>The failed results in the order every format shows them: most severe first, then rule id, then artifact.</summary>
public static class ReportFindings
{
    private static readonly string[] Order = ["critical", "high", "medium", "low", "info"];

    public static IReadOnlyList<string> SeverityOrder => Order;

    /// <summary>0 for critical up to 4 for info; an unknown word sorts last.</summary>
    public static int SeverityRank(string severity)
    {
        var index = Array.IndexOf(Order, severity);
        return index < 0 ? Order.Length : index;
    }

    public static IReadOnlyList<ResultEntry> Failures(IEnumerable<ResultEntry> results) => results
        .Where(r => r.Outcome == "fail")
        .OrderBy(r => SeverityRank(r.Severity))
        .ThenBy(r => r.RuleId, StringComparer.Ordinal)
        .ThenBy(r => r.Artifact, StringComparer.Ordinal)
        .ToArray();
}

using System.Globalization;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Html;

/// <summary>
/// What the template sees: the report itself plus a few pre-computed lists that Liquid cannot express well
/// (failures ordered by severity, display words for verdicts).
/// </summary>
public sealed class HtmlView
{
    private static readonly string[] SeverityOrder = ["critical", "high", "medium", "low", "info"];

    public HtmlView(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        Findings = report.Results
            .Where(r => r.Outcome == "fail")
            .OrderBy(r => Array.IndexOf(SeverityOrder, r.Severity))
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .ThenBy(r => r.Artifact, StringComparer.Ordinal)
            .ToArray();
        Rules = report.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        GeneratedAt = report.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
    }

    public AuditReport Report { get; }

    public IReadOnlyList<ResultEntry> Findings { get; }

    /// <summary>Rules by id, for looking up rationale and remediation from a result.</summary>
    public IReadOnlyDictionary<string, RuleEntry> Rules { get; }

    public string GeneratedAt { get; }

    public IReadOnlyList<string> Outcomes { get; } = ["pass", "fail", "notApplicable", "inconclusive", "error"];

    public IReadOnlyDictionary<string, string> Words { get; } = new Dictionary<string, string>
    {
        ["pass"] = "PASS",
        ["fail"] = "FAIL",
        ["notApplicable"] = "NOT APPLICABLE",
        ["inconclusive"] = "INCONCLUSIVE",
        ["notAssessed"] = "NOT ASSESSED",
        ["error"] = "ERROR",
    };
}

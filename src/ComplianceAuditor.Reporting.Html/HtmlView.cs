using System.Globalization;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Html;

/// <summary>
/// What the template sees: the report itself plus a few pre-computed lists that Liquid cannot express well
/// (failures ordered by severity, display words for verdicts).
/// </summary>
public sealed class HtmlView
{
    public HtmlView(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        Findings = ReportFindings.Failures(report.Results);
        Rules = report.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        GeneratedAt = report.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        Containers = report.Artifacts.Where(a => a.Container is not null).ToArray();
    }

    public AuditReport Report { get; }

    public IReadOnlyList<ResultEntry> Findings { get; }

    /// <summary>Rules by id, for looking up rationale and remediation from a result.</summary>
    public IReadOnlyDictionary<string, RuleEntry> Rules { get; }

    public string GeneratedAt { get; }

    /// <summary>The artifacts recognised as images, archives or file systems, with what opening each gave.</summary>
    public IReadOnlyList<ArtifactEntry> Containers { get; }

    public IReadOnlyList<string> Outcomes { get; } = ["pass", "fail", "notApplicable", "inconclusive", "error"];

    /// <summary>Display words for outcomes and verdicts (<c>notApplicable</c> to <c>NOT APPLICABLE</c>), for Liquid lookups.</summary>
    public IReadOnlyDictionary<string, string> Words { get; } =
        new[] { "pass", "fail", "notApplicable", "inconclusive", "notAssessed", "error" }.ToDictionary(w => w, Names.Display);
}

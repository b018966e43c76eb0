using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Html.Views;

/// <summary>
/// One row of the findings table: a result that is not a pass (fail, inconclusive, error) with what its rule says
/// about why it matters and what to do, and the values the sorting script reads (severity rank, outcome).
/// </summary>
public sealed class FindingView
{
    private static readonly string[] OutcomeOrder = ["fail", "error", "inconclusive"];

    public FindingView(ResultEntry result, RuleEntry? rule)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
        Rule = rule;
        References = rule?.References.Select(r => LinkView.Of(r.Title, r.Url)).ToArray() ?? [];
    }

    public ResultEntry Result { get; }

    /// <summary>The rule, or null when the report does not describe it (a hand-made report).</summary>
    public RuleEntry? Rule { get; }

    public string RuleId => Result.RuleId;

    public string RuleTitle => Rule?.Title ?? Result.RuleId;

    public string Outcome => Result.Outcome;

    public string OutcomeWord => Names.Display(Result.Outcome);

    public string Severity => Result.Severity;

    /// <summary>0 for critical up to 4 for info, so the script sorts by severity, not alphabetically.</summary>
    public int SeverityRank => ReportFindings.SeverityRank(Result.Severity);

    public string Artifact => Result.Artifact;

    public string Message => Result.Message;

    public string? Reason => Result.Reason;

    public IReadOnlyList<EvidenceEntry> Evidence => Result.Evidence;

    public string Fingerprint => Result.Fingerprint;

    public IReadOnlyList<string> Catalog => Result.Catalog;

    public WaiverEntry? Waiver => Result.Waiver;

    /// <summary>True when a waiver in force accepts this failure.</summary>
    public bool Waived => Result.Waiver is { Applied: true };

    public IReadOnlyList<LinkView> References { get; }

    /// <summary>
    /// Failures, errors and inconclusive results in the page's order: most severe first, failures before the
    /// undecided, then rule id and artifact (ordinal), so the same report always gives the same page.
    /// </summary>
    public static IReadOnlyList<FindingView> From(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = new Dictionary<string, RuleEntry>(StringComparer.Ordinal);
        foreach (var rule in report.Rules)
        {
            rules.TryAdd(rule.Id, rule);
        }

        return report.Results
            .Where(r => OutcomeOrder.Contains(r.Outcome))
            .OrderBy(r => ReportFindings.SeverityRank(r.Severity))
            .ThenBy(r => Array.IndexOf(OutcomeOrder, r.Outcome))
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .ThenBy(r => r.Artifact, StringComparer.Ordinal)
            .ThenBy(r => r.Fingerprint, StringComparer.Ordinal)
            .Select(r => new FindingView(r, rules.GetValueOrDefault(r.RuleId)))
            .ToArray();
    }
}

using ComplianceAuditor.Comparison.Reading;

namespace ComplianceAuditor.Comparison;

/// <summary>
/// The difference between two reports, every list in ordinal order: schemes by id, provisions by scheme id and
/// provision id, findings by rule id, artifact and fingerprint. Unchanged entries are kept; renderers choose what to show.
/// </summary>
public sealed record ReportComparison(
    ReportIdentity Old,
    ReportIdentity New,
    IReadOnlyList<SchemeChange> Schemes,
    IReadOnlyList<ProvisionChange> Provisions,
    IReadOnlyList<FindingChange> Findings,
    ComparisonSummary Summary)
{
    /// <summary>
    /// What a CI gate stops on: a scheme's rating or a provision's verdict got worse, or a failure appeared that no
    /// waiver covers (a lapsed waiver included). Added or removed schemes and provisions are shown but do not trip it.
    /// </summary>
    public bool HasRegression =>
        Summary.Schemes.Regressed > 0 || Summary.Provisions.Regressed > 0 || Summary.Findings.New > 0;

    /// <summary>Different rule sets: some of the changes may come from the rules rather than the firmware.</summary>
    public bool RulesetChanged => !string.Equals(Old.RulesetSha256, New.RulesetSha256, StringComparison.Ordinal);
}

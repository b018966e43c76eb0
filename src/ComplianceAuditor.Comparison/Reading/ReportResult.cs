namespace ComplianceAuditor.Comparison.Reading;

/// <summary>
/// One result of one rule on one artifact. Strings stay as the report spells them (outcomes and severities the
/// comparison does not know yet are carried through, not rejected).
/// </summary>
public sealed record ReportResult(
    string RuleId,
    string Outcome,
    string Severity,
    string Artifact,
    string Message,
    string Fingerprint,
    ReportWaiver? Waiver = null)
{
    public const string FailOutcome = "fail";

    public bool IsFailure => string.Equals(Outcome, FailOutcome, StringComparison.Ordinal);

    /// <summary>A failure the manufacturer has accepted: a waiver is attached and the tool applied it.</summary>
    public bool IsWaived => Waiver is { Applied: true };
}

/// <summary>
/// The waiver attached to a result. Only <see cref="Applied"/> matters here: a waiver that no longer applies (expired,
/// or its conditions no longer hold) leaves the failure standing.
/// </summary>
public sealed record ReportWaiver(bool Applied);

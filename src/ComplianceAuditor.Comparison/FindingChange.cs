namespace ComplianceAuditor.Comparison;

/// <summary>
/// One finding (a failing result, identified by its fingerprint) across the two reports. The descriptive fields come
/// from the new report when it holds the finding, otherwise from the old one.
/// </summary>
public sealed record FindingChange(
    string Fingerprint,
    string RuleId,
    string Severity,
    string Artifact,
    string Message,
    FindingState Old,
    FindingState New,
    FindingKind Kind)
{
    /// <summary>Waived before, failing unwaived now: new for the gate, and worth saying why.</summary>
    public bool WaiverLapsed => Old == FindingState.Waived && New == FindingState.Failing;
}

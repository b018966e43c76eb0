namespace ComplianceAuditor.ProcessEvidence.Support;

/// <summary>
/// One support-period statement. <see cref="EndDate"/> is the last day covered (a month-only date means its last day);
/// null when the statement gives no date.
/// </summary>
public sealed record SupportStatement(EvidenceLine Evidence, DateOnly? EndDate, bool IsPast, bool IsOpenEnded);

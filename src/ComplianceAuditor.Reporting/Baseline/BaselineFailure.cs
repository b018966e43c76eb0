namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>
/// One failing result of the baseline: the fingerprint it is matched by, and what an "absent" result needs to say
/// where it was (rule, message, first location when the baseline had one).
/// </summary>
public sealed record BaselineFailure(string Fingerprint, string RuleId, string Message, BaselineLocation? Location);

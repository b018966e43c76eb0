namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>
/// One practice found, the tool that shows it (lower case) and where; for release signing, also where the key seems to come from.
/// </summary>
public sealed record CiPracticeFinding(CiPractice Practice, string Tool, EvidenceLine Evidence, SigningKeySource KeySource = SigningKeySource.Unknown);

namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>
/// One practice found, the tool that shows it (lower case) and where. For release signing, also where the key seems to
/// come from and, when the command names one, the key file or key folder as written on the line (<see cref="KeyFile"/>),
/// taken from the whole line because the excerpt may be cut before it.
/// </summary>
public sealed record CiPracticeFinding(
    CiPractice Practice, string Tool, EvidenceLine Evidence, SigningKeySource KeySource = SigningKeySource.Unknown, string? KeyFile = null);

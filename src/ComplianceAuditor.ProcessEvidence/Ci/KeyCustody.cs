namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>
/// The custody of one signing step's key. <see cref="KeyPath"/> is the repository path of the committed file or folder
/// when the named key resolves to one; <see cref="Detail"/> says in a few words what was seen ("an encrypted PEM private key").
/// </summary>
public sealed record KeyCustody(CiPracticeFinding Step, KeyCustodyKind Kind, string? KeyPath, string Detail);

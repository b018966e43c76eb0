namespace ComplianceAuditor.ProcessEvidence.Sbom;

/// <summary>One piece of SBOM evidence; <see cref="Detail"/> is the spec version or the generator tool.</summary>
public sealed record SbomFinding(SbomKind Kind, EvidenceLine Evidence, string Detail);

namespace ComplianceAuditor.ProcessEvidence.Sbom;

/// <summary>SBOM evidence in a repository, sorted by path and line.</summary>
public sealed record SbomReport(IReadOnlyList<SbomFinding> Findings, IReadOnlyList<string> RejectedCandidates)
{
    /// <summary>True when an SBOM document is committed.</summary>
    public bool HasSbomFile => Findings.Any(f => f.Kind != SbomKind.CiGenerator);

    /// <summary>True when CI generates an SBOM.</summary>
    public bool HasCiGeneration => Findings.Any(f => f.Kind == SbomKind.CiGenerator);
}

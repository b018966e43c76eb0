namespace ComplianceAuditor.ProcessEvidence.Ci;

/// <summary>Practices found, sorted by practice, path and line.</summary>
public sealed record CiPracticeReport(IReadOnlyList<CiPracticeFinding> Findings)
{
    public bool Has(CiPractice practice) => Findings.Any(f => f.Practice == practice);

    public IReadOnlyList<CiPracticeFinding> Of(CiPractice practice) => [.. Findings.Where(f => f.Practice == practice)];
}

using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Scoring;

/// <summary>The verdict of a provision another provision derives from, and what that verdict rests on.</summary>
public sealed record DerivedVerdict(ProvisionRef Provision, Verdict Verdict)
{
    public IReadOnlyList<VerdictBasis> Basis { get; init; } = [];
}

using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>A provision's verdict, the reasons for it, and everything it rests on.</summary>
public sealed record ProvisionAssessment(
    ProvisionDefinition Provision,
    Verdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<CheckResult> Results)
{
    public IReadOnlyList<VerdictBasis> Basis { get; init; } = [];

    /// <summary>Where the audit's evidence contradicts the declaration (for example "declared met" but a check failed).</summary>
    public IReadOnlyList<string> Conflicts { get; init; } = [];

    public IReadOnlyList<DerivedVerdict> Derived { get; init; } = [];

    /// <summary>The manufacturer's answer to the question, when one was given.</summary>
    public ProvisionAnswer? Answer { get; init; }

    /// <summary>The declared facts that decided whether its conditions hold.</summary>
    public IReadOnlyList<DeclaredFact> Facts { get; init; } = [];

    /// <summary>Linked failures accepted by a waiver in force; they do not fail the provision.</summary>
    public int Waived { get; init; }
}

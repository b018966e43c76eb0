using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>What the audit covered, which decides the evidence a provision can expect from it.</summary>
/// <param name="TargetKinds">The kinds of targets audited: a repository check cannot be expected from a firmware-only audit.</param>
/// <param name="MultipleVersions">Whether two images or releases were compared (multi-version checks need it).</param>
/// <param name="Catalog">The check catalog, for each check's evidence source.</param>
public sealed record ScoringContext(IReadOnlyCollection<TargetKind> TargetKinds, bool MultipleVersions, IReadOnlyList<CatalogCheck> Catalog)
{
    /// <summary>The manufacturer's declaration; <see cref="Declaration.None"/> when none was given.</summary>
    public Declaration Declaration { get; init; } = Declaration.None;

    /// <summary>Accepted findings as of the audit date.</summary>
    public AppliedWaivers Waivers { get; init; } = AppliedWaivers.None;
}

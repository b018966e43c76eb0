using ComplianceAuditor.KeyMaterial.Parsing;

namespace ComplianceAuditor.KeyMaterial;

/// <summary>What <see cref="KeyMaterialFinder.Find"/> found in one buffer.</summary>
/// <param name="Items">Confirmed items, outermost only, in offset order.</param>
/// <param name="Rejected">Candidates that were parsed and turned out not to be key material, with reasons.</param>
/// <param name="CandidateCount">Candidates the scan reported, nested ones included.</param>
/// <param name="CandidateLimitReached">The scan stopped at its per-buffer limit; later bytes were not searched fully.</param>
public sealed record KeyMaterialFindings(
    IReadOnlyList<KeyMaterialItem> Items, IReadOnlyList<KeyParseResult> Rejected, int CandidateCount, bool CandidateLimitReached);

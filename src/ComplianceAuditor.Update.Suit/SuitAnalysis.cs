using ComplianceAuditor.Update.Inspection;

namespace ComplianceAuditor.Update.Suit;

/// <summary>
/// Everything <see cref="SuitEnvelopeFormat.Analyze"/> found in one envelope: the common inspection every update
/// format gives, plus the SUIT-specific typed results the checks and the report use.
/// </summary>
/// <param name="Inspection">The common result (signatures, digest, sequence number, facts, weaknesses, problem).</param>
/// <param name="Manifest">What the envelope and its manifest declare, sizes included.</param>
/// <param name="Conformance">The per-element conformance table.</param>
public sealed record SuitAnalysis(UpdateInspection Inspection, SuitManifestInfo Manifest, SuitConformance Conformance);

using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Engine;

/// <summary>
/// What a check decided, before the engine attaches the rule, the artifact and the fingerprint.
/// <see cref="EvidenceKey"/> is the part of the fingerprint that tells two failures of the same rule on the same
/// artifact apart; it must not contain anything that changes between identical runs.
/// </summary>
public sealed record CheckOutcome(Outcome Outcome, string? Reason, IReadOnlyList<EvidenceItem> Evidence, string EvidenceKey)
{
    public static CheckOutcome Pass(string? detail = null, IReadOnlyList<EvidenceItem>? evidence = null) =>
        new(Outcome.Pass, detail, evidence ?? [], "");

    public static CheckOutcome Fail(string reason, IReadOnlyList<EvidenceItem> evidence, string evidenceKey) =>
        new(Outcome.Fail, reason, evidence, evidenceKey);

    public static CheckOutcome NotApplicable(string reason) => new(Outcome.NotApplicable, reason, [], "");

    public static CheckOutcome Inconclusive(string reason) => new(Outcome.Inconclusive, reason, [], "");
}

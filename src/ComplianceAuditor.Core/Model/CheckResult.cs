using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Core.Model;

/// <summary>The recorded outcome of one rule on one artifact (or on a whole target, for target-level checks).</summary>
public sealed record CheckResult
{
    public required RuleDefinition Rule { get; init; }

    public required Outcome Outcome { get; init; }

    /// <summary>The virtual path of the artifact the result is about.</summary>
    public required string Artifact { get; init; }

    /// <summary>What happened, in one sentence a reader can act on.</summary>
    public required string Message { get; init; }

    /// <summary>Why the outcome is not a pass; null only for passes.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>
    /// What tells two results of the same rule on the same artifact apart (a symbol, a line's text); empty when one
    /// result per pair is all there can be. Part of the <see cref="Fingerprint"/>.
    /// </summary>
    public string EvidenceKey { get; init; } = "";

    /// <summary>
    /// The stable identity of this result across runs; see <see cref="Model.Fingerprint"/>. Worked out when asked
    /// for, not stored: a large audit has hundreds of thousands of results and each would hold its own copy.
    /// </summary>
    public string Fingerprint => Model.Fingerprint.Compute(Rule.Id, Artifact, EvidenceKey);

    public string RuleId => Rule.Id;

    public Severity Severity => Rule.Severity;
}

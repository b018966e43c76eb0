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

    /// <summary>The stable identity of this result across runs; see <see cref="Model.Fingerprint"/>.</summary>
    public required string Fingerprint { get; init; }

    public string RuleId => Rule.Id;

    public Severity Severity => Rule.Severity;
}

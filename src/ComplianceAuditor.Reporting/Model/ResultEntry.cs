namespace ComplianceAuditor.Reporting.Model;

/// <summary>One rule on one artifact, whatever the outcome.</summary>
public sealed record ResultEntry
{
    public required string RuleId { get; init; }

    /// <summary>The <c>CHK-*</c> ids of the rule.</summary>
    public required IReadOnlyList<string> Catalog { get; init; }

    /// <summary><c>pass</c>, <c>fail</c>, <c>notApplicable</c>, <c>inconclusive</c> or <c>error</c>.</summary>
    public required string Outcome { get; init; }

    public required string Severity { get; init; }

    /// <summary>The virtual path of the artifact.</summary>
    public required string Artifact { get; init; }

    public required string Message { get; init; }

    /// <summary>Why the outcome is not a pass (always set then); a detail for passes.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<EvidenceEntry> Evidence { get; init; } = [];

    public required string Fingerprint { get; init; }

    /// <summary>The waiver that names this failure, applied or expired; absent when none does.</summary>
    public WaiverEntry? Waiver { get; init; }
}

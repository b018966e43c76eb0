namespace ComplianceAuditor.Reporting.Model;

/// <summary>A rule as reports need it: what it checks, why, and what to do.</summary>
public sealed record RuleEntry
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Severity { get; init; }

    public required string CheckKind { get; init; }

    public required IReadOnlyList<string> Catalog { get; init; }

    /// <summary><c>scheme:provision</c> pairs the rule gives evidence for, through its catalog ids or explicitly.</summary>
    public required IReadOnlyList<string> Provisions { get; init; }

    public required string Rationale { get; init; }

    public required string Remediation { get; init; }

    public IReadOnlyList<ReferenceEntry> References { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<int> Cwe { get; init; } = [];

    public required bool BuiltIn { get; init; }
}

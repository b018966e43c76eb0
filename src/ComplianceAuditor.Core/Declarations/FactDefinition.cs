namespace ComplianceAuditor.Core.Declarations;

/// <summary>A fact a manufacturer declares about the device (<c>rules/declarations/facts.yaml</c>).</summary>
public sealed record FactDefinition
{
    public required string Id { get; init; }

    public required FactType Type { get; init; }

    public required string Question { get; init; }

    public string? Help { get; init; }

    /// <summary>The allowed values of a choice or list fact.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public IReadOnlyList<FactContradiction> ContradictedBy { get; init; } = [];

    /// <summary>Provisions a declared value answers when the declaration does not answer them itself.</summary>
    public IReadOnlyList<Rules.ProvisionRef> Settles { get; init; } = [];
}

namespace ComplianceAuditor.Core.Schemes;

/// <summary>One provision (requirement) of a scheme.</summary>
public sealed record ProvisionDefinition
{
    public required string Id { get; init; }

    public string? Section { get; init; }

    public string? SectionTitle { get; init; }

    /// <summary>Our own paraphrase of the provision.</summary>
    public required string Title { get; init; }

    public required ProvisionStatus Status { get; init; }

    /// <summary>Ids of the scheme's conditions that make the provision apply; empty when unconditional.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    public required IReadOnlyList<AssessmentMethod> Assessment { get; init; }

    /// <summary>The <c>CHK-*</c> ids whose results give evidence for this provision.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>The question a manufacturer answers when the provision is assessed by declaration.</summary>
    public string? Question { get; init; }

    /// <summary>The kinds of conformance test cases the scheme's test specification defines (free text).</summary>
    public string? TestCaseTypes { get; init; }
}

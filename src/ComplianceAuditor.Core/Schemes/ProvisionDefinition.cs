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

    /// <summary>Ids of the scheme's conformance test cases for this provision (ETSI TS 103 701: <c>5.1-1-1</c>).</summary>
    public IReadOnlyList<string> TestCases { get; init; } = [];

    /// <summary>Provisions of other schemes whose verdicts count as evidence for this one.</summary>
    public IReadOnlyList<Rules.ProvisionRef> DerivedFrom { get; init; } = [];

    /// <summary>What a reader should know about how it is assessed or where its wording comes from.</summary>
    public string? Note { get; init; }
}

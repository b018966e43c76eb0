namespace ComplianceAuditor.Core.Schemes;

/// <summary>A standard or rating scheme: its provisions and how each is assessed. Loaded from <c>rules/schemes/</c>.</summary>
public sealed record SchemeDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string ShortTitle { get; init; }

    public required string Version { get; init; }

    public string? Publisher { get; init; }

    public string? Url { get; init; }

    public string? Description { get; init; }

    public SchemeKind Kind { get; init; } = SchemeKind.Standard;

    public SchemeRatingDefinition Rating { get; init; } = new(RatingModel.MandatoryShare, [], null);

    /// <summary>Numbered conditions that make conditional provisions applicable (EN 303 645 Annex B style).</summary>
    public IReadOnlyList<SchemeCondition> Conditions { get; init; } = [];

    public required IReadOnlyList<ProvisionDefinition> Provisions { get; init; }

    public required Rules.SourceFile Source { get; init; }

    public ProvisionDefinition? FindProvision(string id) => Provisions.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}

namespace ComplianceAuditor.Reporting.Model;

/// <summary>A scheme's rating and the verdict on each of its provisions.</summary>
public sealed record SchemeEntry
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string ShortTitle { get; init; }

    public required string Version { get; init; }

    /// <summary><c>standard</c>, <c>regulation</c>, <c>label</c> or <c>model</c> (a model of ours, said so in every report).</summary>
    public required string Kind { get; init; }

    public string? Url { get; init; }

    public string? Description { get; init; }

    /// <summary>The rating model's own note (what a level means, why a tier is there).</summary>
    public string? RatingNote { get; init; }

    public required RatingEntry Rating { get; init; }

    /// <summary>Provision counts by verdict (<c>pass</c>, <c>fail</c>...), plus <c>mandatory</c>, <c>mandatoryPass</c>, <c>mandatoryFail</c>, <c>mandatoryNotApplicable</c>, <c>conflicts</c>, <c>declared</c>.</summary>
    public required IReadOnlyDictionary<string, int> Summary { get; init; }

    public required IReadOnlyList<ProvisionEntry> Provisions { get; init; }
}

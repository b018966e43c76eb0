namespace ComplianceAuditor.Reporting.Model;

/// <summary>A scheme's rating and the verdict on each of its provisions.</summary>
public sealed record SchemeEntry
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string ShortTitle { get; init; }

    public required string Version { get; init; }

    public required RatingEntry Rating { get; init; }

    /// <summary>Provision counts by verdict (<c>pass</c>, <c>fail</c>...), plus <c>mandatory</c>, <c>mandatoryPass</c>, <c>mandatoryFail</c>.</summary>
    public required IReadOnlyDictionary<string, int> Summary { get; init; }

    public required IReadOnlyList<ProvisionEntry> Provisions { get; init; }
}

namespace ComplianceAuditor.Reporting.Model;

/// <summary>One provision's verdict with its reasons and the fingerprints of the results behind it.</summary>
public sealed record ProvisionEntry
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary><c>mandatory</c> or <c>recommended</c>.</summary>
    public required string Status { get; init; }

    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>Any of <c>automated</c>, <c>declaration</c>, <c>lab</c>.</summary>
    public required IReadOnlyList<string> Assessment { get; init; }

    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary><c>pass</c>, <c>fail</c>, <c>notApplicable</c>, <c>inconclusive</c> or <c>notAssessed</c>.</summary>
    public required string Verdict { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Fingerprints of the linked results (see <see cref="ResultEntry.Fingerprint"/>).</summary>
    public required IReadOnlyList<string> Results { get; init; }
}

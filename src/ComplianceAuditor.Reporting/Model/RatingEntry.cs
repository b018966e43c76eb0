namespace ComplianceAuditor.Reporting.Model;

/// <summary>A scheme's rating under its model, with its formula and what holds it back.</summary>
public sealed record RatingEntry
{
    /// <summary><c>mandatoryShare</c>, <c>passFail</c>, <c>levels</c> or <c>stars</c>.</summary>
    public required string Model { get; init; }

    /// <summary>PASS, FAIL, INCOMPLETE; LEVEL n or NO LEVEL; n STARS.</summary>
    public required string Label { get; init; }

    /// <summary>Applicable mandatory provisions passed, in percent.</summary>
    public required double Score { get; init; }

    public string? Grade { get; init; }

    public int? Level { get; init; }

    public int? MaxLevel { get; init; }

    /// <summary>True when the evidence shows non-compliance; what <c>--fail-on-scheme</c> gates on.</summary>
    public required bool Failed { get; init; }

    public required string Formula { get; init; }

    public IReadOnlyList<string> Explanation { get; init; } = [];
}

using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// A scheme's overall rating under its model, with the formula spelled out so a reader can recompute it and the
/// reasons it is not higher.
/// </summary>
/// <param name="Label">PASS, FAIL, INCOMPLETE or NOT APPLICABLE; for levels "LEVEL n" or "NO LEVEL"; for stars "n STARS".</param>
/// <param name="Score">The share of applicable mandatory provisions passed, in percent (every model reports it).</param>
/// <param name="Grade">A to E, for the mandatory-share model.</param>
/// <param name="Level">The level or number of stars reached, for the level and star models.</param>
/// <param name="MaxLevel">The highest level or number of stars the scheme defines.</param>
/// <param name="Failed">True when the evidence shows non-compliance (not merely unproven); what <c>--fail-on-scheme</c> gates on.</param>
/// <param name="Explanation">Why the rating is what it is: the provisions that hold it back.</param>
public sealed record SchemeRating(
    RatingModel Model,
    string Label,
    double Score,
    string? Grade,
    int? Level,
    int? MaxLevel,
    bool Failed,
    string Formula,
    IReadOnlyList<string> Explanation);

namespace ComplianceAuditor.Core.Schemes;

/// <summary>A scheme's rating model; <see cref="Levels"/> is set for the level and star models, in ascending order.</summary>
public sealed record SchemeRatingDefinition(RatingModel Model, IReadOnlyList<SchemeLevel> Levels, string? Note);

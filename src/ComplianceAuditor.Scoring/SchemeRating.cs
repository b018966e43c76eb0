namespace ComplianceAuditor.Scoring;

/// <summary>
/// A scheme's overall rating: a label (<c>PASS</c>, <c>FAIL</c>, <c>INCOMPLETE</c>), a score in percent, and the
/// formula used, spelled out so a reader can recompute it.
/// </summary>
public sealed record SchemeRating(string Label, double Score, string Formula);

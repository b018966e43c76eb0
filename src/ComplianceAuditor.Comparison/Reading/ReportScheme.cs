namespace ComplianceAuditor.Comparison.Reading;

/// <summary>One scheme's rating and provision verdicts in a report.</summary>
public sealed record ReportScheme(string Id, string ShortTitle, ReportRating Rating, IReadOnlyList<ReportProvision> Provisions);

/// <summary>
/// A scheme's rating. <see cref="Label"/> and <see cref="Score"/> are always present; the rest arrive with the rating
/// models being added (mandatory-share with a grade, levels and stars with a level out of a maximum) and are null in
/// reports that predate them.
/// </summary>
public sealed record ReportRating(string Label, double Score, string? Model = null, int? Level = null, int? MaxLevel = null, string? Grade = null);

/// <summary>One provision's verdict (<c>pass</c>, <c>fail</c>, <c>inconclusive</c>, <c>notAssessed</c>, <c>notApplicable</c>).</summary>
public sealed record ReportProvision(string Id, string Title, string Status, string Verdict);

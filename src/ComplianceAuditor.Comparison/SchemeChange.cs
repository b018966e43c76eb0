using ComplianceAuditor.Comparison.Reading;

namespace ComplianceAuditor.Comparison;

/// <summary>One scheme's rating across the two reports; a rating is null on the side that lacks the scheme.</summary>
public sealed record SchemeChange(string SchemeId, string ShortTitle, ReportRating? Old, ReportRating? New, ChangeKind Kind);

namespace ComplianceAuditor.Comparison.Reading;

/// <summary>
/// The part of a <c>report.json</c> a comparison needs. Deliberately separate from the Reporting project's contract
/// types: a comparison has to read reports written by older and newer tools, so unknown fields are ignored and the
/// fields being added to the format are optional.
/// </summary>
public sealed record ReportDocument(ReportIdentity Identity, IReadOnlyList<ReportResult> Results, IReadOnlyList<ReportScheme> Schemes);

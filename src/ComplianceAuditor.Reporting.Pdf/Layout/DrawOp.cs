namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// One thing to draw on a page. Layout records these instead of drawing at once so the page count is known before
/// anything reaches the PDF: the footer says "page N of M".
/// </summary>
internal abstract record DrawOp;

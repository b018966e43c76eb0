namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// One thing to draw on a page. Layout records these instead of drawing at once so the page count is known before
/// anything reaches the PDF: the footer says "Page N of M" and the table of contents needs every section's page.
/// </summary>
internal abstract record DrawOp
{
    /// <summary>The same operation moved down by <paramref name="dy"/>: a block laid out at y = 0 is placed this way.</summary>
    public abstract DrawOp Shift(float dy);
}

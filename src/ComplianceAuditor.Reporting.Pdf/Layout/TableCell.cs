namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <param name="Style">Overrides the column's style, e.g. to colour a verdict word.</param>
internal sealed record TableCell(string Text, TextStyle? Style = null)
{
    public static implicit operator TableCell(string text) => new(text);

    public static TableCell FromString(string text) => new(text);
}

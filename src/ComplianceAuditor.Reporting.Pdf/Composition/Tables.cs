using ComplianceAuditor.Reporting.Pdf.Layout;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>Small helpers the sections share for their tables.</summary>
internal static class Tables
{
    /// <summary>Renders the table, or a sentence instead of a table with nothing but a header.</summary>
    public static void RenderOrSay(FlowLayout flow, TableLayout table, TextStyle noteStyle, string whenEmpty)
    {
        if (table.RowCount == 0)
        {
            flow.Paragraph(whenEmpty, noteStyle);
            return;
        }

        table.Render(flow);
    }

    public static TableCell Coloured(string text, SKColor? colour, TextStyle style) =>
        new(text, colour is { } c ? style.WithColour(c) : style);
}

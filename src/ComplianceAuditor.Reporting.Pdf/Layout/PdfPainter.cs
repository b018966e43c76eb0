using System.Globalization;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>Draws laid-out pages into a PDF with Skia. Text stays text (CID fonts with ToUnicode maps), so it can be selected and searched.</summary>
internal static class PdfPainter
{
    public static void Paint(
        Stream output, IReadOnlyList<IReadOnlyList<DrawOp>> pages, PageSetup setup, PageFrame frame, DocumentInfo info, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(info);

        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = info.Title;
        metadata.Subject = info.Subject;
        metadata.Author = info.Author;
        metadata.Keywords = info.Keywords;
        metadata.Creator = info.Creator;
        metadata.Producer = info.Creator;

        // Skia gets the zone offset wrong outside UTC; PdfDates corrects it once the bytes exist.
        metadata.Creation = info.Date.UtcDateTime;
        metadata.Modified = info.Date.UtcDateTime;

        // PdfA stays off: it adds a document /ID and XMP UUID that differ on every run, which breaks reproducible output.
        metadata.PdfA = false;

        using var document = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("Skia could not create a PDF document");
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < pages.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var canvas = document.BeginPage(setup.Width, setup.Height);
            foreach (var op in pages[i])
            {
                OpPainter.Draw(canvas, paint, op);
            }

            if (i >= frame.FirstFramedPage)
            {
                DrawFrame(canvas, paint, setup, frame, i + 1, pages.Count);
            }

            document.EndPage();
        }

        document.Close();
    }

    private static void DrawFrame(SKCanvas canvas, SKPaint paint, PageSetup setup, PageFrame frame, int number, int count)
    {
        var style = frame.Style;
        var headerBaseline = setup.MarginTop - 20;
        var footerBaseline = setup.Height - setup.MarginBottom + 26;
        var pageText = string.Create(CultureInfo.InvariantCulture, $"Page {number} of {count}");
        var half = (setup.ContentWidth / 2) - 6;

        OpPainter.Draw(canvas, paint, new TextOp(setup.ContentLeft, headerBaseline, Fit(frame.HeaderLeft, style, half), style));
        var right = Fit(frame.HeaderRight, style, half);
        OpPainter.Draw(canvas, paint, new TextOp(setup.ContentRight - style.Measure(right), headerBaseline, right, style));
        OpPainter.Draw(canvas, paint, new LineOp(setup.ContentLeft, headerBaseline + 5, setup.ContentRight, headerBaseline + 5, frame.RuleColour, 0.5f));

        OpPainter.Draw(canvas, paint, new LineOp(setup.ContentLeft, footerBaseline - 10, setup.ContentRight, footerBaseline - 10, frame.RuleColour, 0.5f));
        var footer = Fit(frame.FooterLeft, style, setup.ContentWidth - style.Measure(pageText) - 12);
        OpPainter.Draw(canvas, paint, new TextOp(setup.ContentLeft, footerBaseline, footer, style));
        OpPainter.Draw(canvas, paint, new TextOp(setup.ContentRight - style.Measure(pageText), footerBaseline, pageText, style));
    }

    /// <summary>Cuts a header or footer text to its width with an ellipsis: the frame has one line, never two.</summary>
    internal static string Fit(string text, TextStyle style, float width)
    {
        text = style.Drawable(text);
        if (style.Measure(text) <= width)
        {
            return text;
        }

        var lines = TextWrapper.Wrap(text, style, width - style.Measure("…"));
        return lines.Count == 0 ? string.Empty : lines[0].TrimEnd() + "…";
    }
}

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
        metadata.Author = info.Creator;
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
                Draw(canvas, paint, op);
            }

            DrawFrame(canvas, paint, setup, frame, i + 1, pages.Count);
            document.EndPage();
        }

        document.Close();
    }

    private static void Draw(SKCanvas canvas, SKPaint paint, DrawOp op)
    {
        switch (op)
        {
            case TextOp text:
                paint.Style = SKPaintStyle.Fill;
                paint.Color = text.Style.Colour;
                canvas.DrawText(text.Text, text.X, text.Baseline, SKTextAlign.Left, text.Style.Font, paint);
                break;
            case LineOp line:
                paint.Style = SKPaintStyle.Stroke;
                paint.Color = line.Colour;
                paint.StrokeWidth = line.Width;
                canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, paint);
                break;
            case FillOp fill:
                paint.Style = SKPaintStyle.Fill;
                paint.Color = fill.Colour;
                canvas.DrawRect(fill.Rect, paint);
                break;
            default:
                throw new InvalidOperationException($"unknown draw operation {op.GetType().Name}");
        }
    }

    private static void DrawFrame(SKCanvas canvas, SKPaint paint, PageSetup setup, PageFrame frame, int number, int count)
    {
        var style = frame.Style;
        var headerBaseline = setup.MarginTop - 20;
        var footerBaseline = setup.Height - setup.MarginBottom + 26;
        var pageText = string.Create(CultureInfo.InvariantCulture, $"page {number} of {count}");

        Draw(canvas, paint, new TextOp(setup.ContentLeft, headerBaseline, frame.HeaderLeft, style));
        Draw(canvas, paint, new TextOp(setup.ContentRight - style.Measure(frame.HeaderRight), headerBaseline, frame.HeaderRight, style));
        Draw(canvas, paint, new LineOp(setup.ContentLeft, headerBaseline + 5, setup.ContentRight, headerBaseline + 5, frame.RuleColour, 0.5f));

        Draw(canvas, paint, new LineOp(setup.ContentLeft, footerBaseline - 10, setup.ContentRight, footerBaseline - 10, frame.RuleColour, 0.5f));
        Draw(canvas, paint, new TextOp(setup.ContentLeft, footerBaseline, frame.FooterLeft, style));
        Draw(canvas, paint, new TextOp(setup.ContentRight - style.Measure(pageText), footerBaseline, pageText, style));
    }
}

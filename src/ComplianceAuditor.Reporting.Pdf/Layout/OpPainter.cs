using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>Turns one <see cref="DrawOp"/> into Skia calls on a page canvas.</summary>
internal static class OpPainter
{
    public static void Draw(SKCanvas canvas, SKPaint paint, DrawOp op)
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
                DrawFill(canvas, paint, fill);
                break;
            case ShapeOp shape:
                DrawShape(canvas, paint, shape);
                break;
            case ImageOp image:
                DrawImage(canvas, image);
                break;
            case CanvasOp custom:
                canvas.Save();
                custom.Draw(canvas, custom.Area);
                canvas.Restore();
                break;
            case AnchorOp anchor:
                canvas.DrawNamedDestinationAnnotation(new SKPoint(anchor.X, anchor.Y), anchor.Name);
                break;
            case LinkOp link:
                canvas.DrawLinkDestinationAnnotation(link.Rect, link.Name);
                break;
            default:
                throw new InvalidOperationException($"unknown draw operation {op.GetType().Name}");
        }
    }

    private static void DrawFill(SKCanvas canvas, SKPaint paint, FillOp fill)
    {
        if (fill.Colour != SKColors.Empty)
        {
            paint.Style = SKPaintStyle.Fill;
            paint.Color = fill.Colour;
            if (fill.Radius > 0)
            {
                canvas.DrawRoundRect(fill.Rect, fill.Radius, fill.Radius, paint);
            }
            else
            {
                canvas.DrawRect(fill.Rect, paint);
            }
        }

        if (fill.Stroke is { } stroke)
        {
            paint.Style = SKPaintStyle.Stroke;
            paint.Color = stroke;
            paint.StrokeWidth = fill.StrokeWidth;
            canvas.DrawRoundRect(fill.Rect, fill.Radius, fill.Radius, paint);
        }
    }

    private static void DrawShape(SKCanvas canvas, SKPaint paint, ShapeOp shape)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(shape.Points[0]);
        foreach (var point in shape.Points.Skip(1))
        {
            builder.LineTo(point);
        }

        builder.Close();
        using var path = builder.Detach();
        paint.Style = SKPaintStyle.Fill;
        paint.Color = shape.Fill;
        canvas.DrawPath(path, paint);
        paint.Style = SKPaintStyle.Stroke;
        paint.Color = shape.Stroke;
        paint.StrokeWidth = shape.StrokeWidth;
        canvas.DrawPath(path, paint);
    }

    private static void DrawImage(SKCanvas canvas, ImageOp op)
    {
        // The writer has decoded the logo once already (PdfReportWriter), so a failure here would be a bug, not bad input.
        using var data = SKData.CreateCopy(op.Encoded.Span);
        using var image = SKImage.FromEncodedData(data) ?? throw new InvalidOperationException("the logo could not be decoded");
        canvas.DrawImage(image, op.Rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }
}

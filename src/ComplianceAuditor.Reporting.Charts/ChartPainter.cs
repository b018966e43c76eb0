using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>
/// What a chart draws onto: the canvas in natural-size coordinates (points), the parsed colours and the font.
/// Text goes through <see cref="Text"/> so it stays text (selectable in the PDF, a &lt;text&gt; element in SVG).
/// </summary>
internal sealed class ChartPainter(SKCanvas canvas, ChartColors colors, ChartFont font)
{
    public SKCanvas Canvas { get; } = canvas;

    public ChartColors Colors { get; } = colors;

    public ChartFont Font { get; } = font;

    public void Text(string text, float x, float y, float size, SKColor color, SKTextAlign align = SKTextAlign.Left, bool bold = false)
    {
        using var skFont = NewFont(size, bold);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        Canvas.DrawText(text, x, y, align, skFont, paint);
    }

    public float Measure(string text, float size, bool bold = false)
    {
        using var skFont = NewFont(size, bold);
        return skFont.MeasureText(text);
    }

    public void Box(SKRect rect, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        Canvas.DrawRect(rect, paint);
    }

    /// <summary>Cuts <paramref name="text"/> with an ellipsis until it fits <paramref name="width"/>.</summary>
    public string Fit(string text, float size, float width)
    {
        if (Measure(text, size) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && Measure(cut + "…", size) > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }

    private SKFont NewFont(float size, bool bold) => new(bold ? Font.Bold : Font.Regular, size) { Subpixel = true };
}

using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>
/// One chart of a report with its words. The same drawing code paints the PDF page and the SVG, so both show the
/// same thing; <see cref="Description"/> says the numbers in words for readers who cannot see the chart.
/// </summary>
public sealed class ReportChart
{
    private readonly IChartBody body;

    internal ReportChart(string id, string title, string description, float width, float height, IChartBody body)
    {
        Id = id;
        Title = title;
        Description = description;
        Width = width;
        Height = height;
        this.body = body;
    }

    /// <summary><c>outcomes</c>, <c>schemes</c> or <c>gauge</c>; also the prefix of every id inside the SVG.</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>The chart's numbers in plain words (sanitised, not encoded): a caption or an aria-label.</summary>
    public string Description { get; }

    /// <summary>Natural width in points (PDF) or CSS pixels (SVG).</summary>
    public float Width { get; }

    public float Height { get; }

    /// <summary>
    /// Draws the chart as vectors and text into <paramref name="area"/>, scaled uniformly to fit and centred.
    /// Nothing is drawn outside the area, and nothing is drawn at all when the area is empty.
    /// </summary>
    /// <exception cref="ArgumentException">A palette colour is not <c>#RRGGBB</c>, or the font file is unusable.</exception>
    public void Draw(SKCanvas canvas, SKRect area, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(style);
        var colors = ChartColors.From(style.Palette);
        var scale = Math.Min(area.Width / Width, area.Height / Height);
        if (!(scale > 0) || float.IsInfinity(scale))
        {
            return;
        }

        lock (ChartFonts.Gate)
        {
            var painter = new ChartPainter(canvas, colors, ChartFonts.For(style));
            canvas.Save();
            try
            {
                canvas.ClipRect(area);
                canvas.Translate(area.Left + ((area.Width - (Width * scale)) / 2), area.Top + ((area.Height - (Height * scale)) / 2));
                canvas.Scale(scale);
                body.Paint(painter, Width, Height);
            }
            finally
            {
                canvas.Restore();
            }
        }
    }

    /// <summary>
    /// The chart as one standalone <c>&lt;svg&gt;</c> element: no XML declaration, no scripts, no external references,
    /// ids prefixed with <see cref="Id"/> so several charts can sit inline in one HTML page. The same report and style
    /// give the same bytes.
    /// </summary>
    public string ToSvg(ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        using var stream = new MemoryStream();
        var bounds = SKRect.Create(Width, Height);
        using (var svg = SKSvgCanvas.Create(bounds, stream))
        {
            Draw(svg, bounds, style);
        }

        return SvgCleaner.Clean(stream.ToArray(), this);
    }
}

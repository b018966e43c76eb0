using ComplianceAuditor.Reporting.Model;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>
/// The headline score as a 240° arc with the number in the middle, drawn with Skia paths rather than ScottPlot: a
/// gauge is two arcs and three lines of text, and ScottPlot's radial gauge adds a legend and angles we would undo.
/// </summary>
internal sealed class GaugeChart(SchemeEntry scheme) : IChartBody
{
    public const float NaturalWidth = 240;
    public const float NaturalHeight = 200;

    /// <summary>Starts lower left and ends lower right (Skia angles run clockwise from three o'clock).</summary>
    private const float StartAngle = 150;
    private const float FullSweep = 240;
    /// <summary>Where the arc runs, at natural size (tests look for its colour there and nowhere else).</summary>
    internal const float CentreY = 104;
    internal const float Radius = 78;
    internal const float Stroke = 18;

    public static ReportChart Create(SchemeEntry scheme) => new(
        "gauge",
        "Headline score",
        Describe(scheme),
        NaturalWidth,
        NaturalHeight,
        new GaugeChart(scheme));

    public void Paint(ChartPainter painter, float width, float height)
    {
        var colors = painter.Colors;
        var rating = scheme.Rating;
        var score = Shown(rating);
        var centre = new SKPoint(width / 2, CentreY);
        const float radius = Radius;
        var ring = new SKRect(centre.X - radius, centre.Y - radius, centre.X + radius, centre.Y + radius);

        using (var track = new SKPaint { Color = colors.Grid, Style = SKPaintStyle.Stroke, StrokeWidth = Stroke, IsAntialias = true })
        {
            painter.Canvas.DrawArc(ring, StartAngle, FullSweep, false, track);
        }

        var sweep = (float)(FullSweep * score / 100);
        if (sweep > 0)
        {
            using var value = new SKPaint { Color = ScoreColor(colors), Style = SKPaintStyle.Stroke, StrokeWidth = Stroke, IsAntialias = true };
            painter.Canvas.DrawArc(ring, StartAngle, sweep, false, value);
        }

        painter.Text(ChartText.Score(score), centre.X, centre.Y + 8, 34, colors.Text, SKTextAlign.Center, bold: true);
        painter.Text("of 100", centre.X, centre.Y + 26, 10, colors.Text, SKTextAlign.Center);
        painter.Text(painter.Fit(Verdict(rating), 12, 2 * (radius - Stroke)), centre.X, centre.Y + 48, 12, ScoreColor(colors), SKTextAlign.Center, bold: true);
        painter.Text(painter.Fit(ChartText.Safe(scheme.ShortTitle), 12, width - 8), centre.X, height - 8, 12, colors.Text, SKTextAlign.Center);
    }

    /// <summary>The score as drawn: a model that overshoots or yields NaN must not draw past the ends of the arc.</summary>
    internal static double Shown(RatingEntry rating) => double.IsFinite(rating.Score) ? Math.Clamp(rating.Score, 0, 100) : 0;

    /// <summary>Failed is the fail colour, a full score the pass colour, anything between the accent.</summary>
    private SKColor ScoreColor(ChartColors colors) =>
        scheme.Rating.Failed ? colors.Fail : scheme.Rating.Score >= 100 ? colors.Pass : colors.Accent;

    /// <summary>The rating label with the grade when the model has one ("B · PASS").</summary>
    private static string Verdict(RatingEntry rating)
    {
        var label = ChartText.Safe(rating.Label, 30);
        return rating.Grade is { Length: > 0 } grade ? $"{ChartText.Safe(grade, 10)} · {label}" : label;
    }

    private static string Describe(SchemeEntry scheme)
    {
        var rating = scheme.Rating;
        var grade = rating.Grade is { Length: > 0 } g ? $", grade {ChartText.Safe(g, 10)}" : "";
        return $"Headline score for {ChartText.Safe(scheme.ShortTitle)}: {ChartText.Score(Shown(rating))} of 100, "
            + $"rated {ChartText.Safe(rating.Label, 30)}{grade}.";
    }
}

using System.Globalization;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// A scheme's rating drawn the way its model reads: a grade badge with the score (<c>mandatoryShare</c>), a PASS/FAIL
/// badge (<c>passFail</c>), boxes filled up to the level reached (<c>levels</c>) or stars (<c>stars</c>). Stars and
/// boxes are vector shapes, not font glyphs: not every font has a star, and a missing glyph prints as an empty box.
/// The label is always printed as text beside the drawing, so the rating is searchable and reads without colour.
/// </summary>
internal static class RatingBadge
{
    public const float Height = 16;

    private static readonly SKColor Empty = new(0xFFFFFFFF);
    private static readonly SKColor Outline = new(0xFF9E9E9E);

    /// <summary>Draws the rating with its left edge at <paramref name="x"/> and its top at <paramref name="top"/>; returns the width used.</summary>
    public static float Draw(FlowLayout flow, float x, float top, RatingEntry rating, ReportStyles styles)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(styles);
        var label = ReportText.Safe(rating.Label, 40);
        var colour = styles.Palette.ForWord(rating.Label) ?? styles.Palette.Primary;
        var used = rating.Model switch
        {
            "mandatoryShare" => Badge(flow, x, top, $"{(rating.Grade is { } g ? $"Grade {ReportText.Safe(g, 4)}  " : string.Empty)}{ReportText.Percent(rating.Score)}", colour, styles),
            "passFail" => Badge(flow, x, top, label, colour, styles),
            "levels" => Boxes(flow, x, top, rating, styles),
            "stars" => Stars(flow, x, top, rating, styles),
            _ => 0,
        };

        // The label beside the drawing (PASS/FAIL badges already are the label).
        if (rating.Model != "passFail")
        {
            var text = rating.Model == "mandatoryShare" ? label : $"{label} ({Level(rating)})";
            var style = styles.CellBold.WithColour(colour);
            flow.Text(x + used + 6, top + ((Height - style.LineHeight) / 2), text, style);
            used += 6 + style.Measure(text);
        }

        return used;
    }

    private static string Level(RatingEntry rating) => string.Create(
        CultureInfo.InvariantCulture,
        $"{rating.Level ?? 0} of {rating.MaxLevel ?? 0}{(rating.Model == "stars" ? " stars" : " levels")}");

    private static float Badge(FlowLayout flow, float x, float top, string text, SKColor colour, ReportStyles styles)
    {
        var style = styles.Badge;
        var width = style.Measure(text) + 14;
        flow.Add(new FillOp(new SKRect(x, top, x + width, top + Height), colour, Radius: 4));
        flow.Text(x + 7, top + ((Height - style.LineHeight) / 2), text, style);
        return width;
    }

    private static float Boxes(FlowLayout flow, float x, float top, RatingEntry rating, ReportStyles styles)
    {
        var count = Math.Clamp(rating.MaxLevel ?? 0, 0, 10);
        const float size = 12, gap = 3;
        for (var i = 0; i < count; i++)
        {
            var left = x + (i * (size + gap));
            var filled = i < (rating.Level ?? 0);
            var rect = new SKRect(left, top + 2, left + size, top + 2 + size);
            flow.Add(new FillOp(rect, filled ? styles.Palette.Pass : Empty, Radius: 2, Stroke: filled ? styles.Palette.Pass : Outline));
        }

        return Math.Max(0, (count * (size + gap)) - gap);
    }

    private static float Stars(FlowLayout flow, float x, float top, RatingEntry rating, ReportStyles styles)
    {
        var count = Math.Clamp(rating.MaxLevel ?? 0, 0, 10);
        const float size = 14, gap = 2;
        for (var i = 0; i < count; i++)
        {
            var centre = new SKPoint(x + (i * (size + gap)) + (size / 2), top + (Height / 2) + 0.5f);
            var filled = i < (rating.Level ?? 0);
            var gold = new SKColor(0xFFF2A900);
            flow.Add(new ShapeOp(Star(centre, size / 2), filled ? gold : Empty, filled ? new SKColor(0xFFB07B00) : Outline, 0.75f));
        }

        return Math.Max(0, (count * (size + gap)) - gap);
    }

    /// <summary>A five-pointed star, point up: ten vertices alternating between the outer and inner radius.</summary>
    internal static SKPoint[] Star(SKPoint centre, float radius)
    {
        var points = new SKPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? radius : radius * 0.45f;
            var angle = (-Math.PI / 2) + (i * Math.PI / 5);
            points[i] = new SKPoint(centre.X + (float)(r * Math.Cos(angle)), centre.Y + (float)(r * Math.Sin(angle)));
        }

        return points;
    }
}

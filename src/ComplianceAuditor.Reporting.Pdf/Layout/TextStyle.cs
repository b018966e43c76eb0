using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>A font at a size plus a colour, with the line metrics layout needs. Does not own the font.</summary>
internal sealed class TextStyle
{
    /// <summary>Extra leading over the font's own spacing: DejaVu's is tight for dense tables.</summary>
    private const float Leading = 1.12f;

    public TextStyle(SKFont font, SKColor colour)
    {
        ArgumentNullException.ThrowIfNull(font);
        Font = font;
        Colour = colour;
        font.GetFontMetrics(out var metrics);
        LineHeight = font.Spacing * Leading;
        BaselineOffset = ((LineHeight - font.Spacing) / 2) - metrics.Ascent;
    }

    public SKFont Font { get; }

    public SKColor Colour { get; }

    public float LineHeight { get; }

    /// <summary>From the top of a line box down to the baseline text is drawn on.</summary>
    public float BaselineOffset { get; }

    public float Measure(string text) => Font.MeasureText(text);

    public TextStyle WithColour(SKColor colour) => colour == Colour ? this : new TextStyle(Font, colour);
}

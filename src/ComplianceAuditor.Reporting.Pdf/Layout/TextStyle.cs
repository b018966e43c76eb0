using System.Globalization;
using System.Text;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>A font at a size plus a colour, with the line metrics layout needs. Does not own the font.</summary>
internal sealed class TextStyle
{
    /// <summary>Extra leading over the font's own spacing: DejaVu's is tight for dense tables.</summary>
    private const float Leading = 1.12f;

    private const int MaxRemembered = 48;

    private readonly Dictionary<string, float> widths = new(StringComparer.Ordinal);
    private readonly Dictionary<int, bool> glyphs = [];

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

    /// <summary>
    /// Width of a text in points. Short texts (words, labels) are remembered: the same rule text wraps again for every
    /// artifact it fails on, and measuring goes through native code each time.
    /// </summary>
    public float Measure(string text)
    {
        if (text.Length > MaxRemembered)
        {
            return Font.MeasureText(text);
        }

        if (!widths.TryGetValue(text, out var width))
        {
            width = Font.MeasureText(text);
            widths[text] = width;
        }

        return width;
    }

    /// <summary>
    /// The text with every character the font has no glyph for (CJK, emoji in a Latin face) written as an escape such
    /// as <c>\u8BBE</c>, the form <see cref="Core.Text.DisplayText"/> uses. Skia would drop such characters without
    /// a trace, so <c>设备密钥-ключ.key</c> would print as <c>-ключ.key</c>, a different name. Wrapping and drawing
    /// both go through this, so lines are measured as they are drawn.
    /// </summary>
    public string Drawable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? escaped = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            // ASCII is taken as drawable (the font resolver only accepts text faces): most text never reaches the cache.
            var drawable = rune.Value < 0x80 || HasGlyph(rune.Value);
            if (!drawable)
            {
                escaped ??= new StringBuilder(text, 0, index, text.Length + 16);
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            }
            else
            {
                escaped?.Append(text, index, rune.Utf16SequenceLength);
            }

            index += rune.Utf16SequenceLength;
        }

        return escaped?.ToString() ?? text;
    }

    private bool HasGlyph(int codepoint)
    {
        if (!glyphs.TryGetValue(codepoint, out var has))
        {
            has = Font.ContainsGlyph(codepoint);
            glyphs[codepoint] = has;
        }

        return has;
    }

    public TextStyle WithColour(SKColor colour) => colour == Colour ? this : new TextStyle(Font, colour);
}

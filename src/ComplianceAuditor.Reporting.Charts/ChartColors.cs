using System.Globalization;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>A palette parsed once per render, so a bad colour in a theme file fails with its name rather than mid-drawing.</summary>
internal sealed class ChartColors
{
    private ChartColors(ChartPalette palette)
    {
        Pass = Parse(palette.Pass, nameof(palette.Pass));
        Fail = Parse(palette.Fail, nameof(palette.Fail));
        Inconclusive = Parse(palette.Inconclusive, nameof(palette.Inconclusive));
        NotApplicable = Parse(palette.NotApplicable, nameof(palette.NotApplicable));
        NotAssessed = Parse(palette.NotAssessed, nameof(palette.NotAssessed));
        Accent = Parse(palette.Accent, nameof(palette.Accent));
        Text = Parse(palette.Text, nameof(palette.Text));
        Grid = Parse(palette.Grid, nameof(palette.Grid));
    }

    public SKColor Pass { get; }

    public SKColor Fail { get; }

    public SKColor Inconclusive { get; }

    public SKColor NotApplicable { get; }

    public SKColor NotAssessed { get; }

    public SKColor Accent { get; }

    public SKColor Text { get; }

    public SKColor Grid { get; }

    public static ChartColors From(ChartPalette palette)
    {
        ArgumentNullException.ThrowIfNull(palette);
        return new ChartColors(palette);
    }

    /// <summary>The colour of a verdict or outcome word; an unknown word gets the neutral not-assessed grey.</summary>
    public SKColor ForVerdict(string verdict) => verdict switch
    {
        "pass" => Pass,
        "fail" => Fail,
        "inconclusive" or "error" => Inconclusive,
        "notApplicable" => NotApplicable,
        _ => NotAssessed,
    };

    /// <summary>
    /// Severities as shades of the fail colour, lighter as they matter less: one hue keeps "this is a failure" obvious,
    /// and the shade order reads without a legend. Rank 0 is critical.
    /// </summary>
    public SKColor ForSeverityRank(int rank) => Blend(Fail, SKColors.White, Math.Clamp(rank, 0, 4) * 0.15f);

    public static ScottPlot.Color ToScottPlot(SKColor color) => new(color.Red, color.Green, color.Blue, color.Alpha);

    private static SKColor Blend(SKColor from, SKColor to, float t) => new(
        (byte)Math.Round(from.Red + ((to.Red - from.Red) * t)),
        (byte)Math.Round(from.Green + ((to.Green - from.Green) * t)),
        (byte)Math.Round(from.Blue + ((to.Blue - from.Blue) * t)));

    private static SKColor Parse(string value, string name)
    {
        // Strict #RRGGBB: named colours or alpha would mean something different in SVG, PDF and a theme editor.
        if (value is { Length: 7 } && value[0] == '#'
            && uint.TryParse(value.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            return new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        }

        throw new ArgumentException($"Chart colour {name} is '{value}'; a colour must be written #RRGGBB (for example #1F5FAD).", nameof(value));
    }
}

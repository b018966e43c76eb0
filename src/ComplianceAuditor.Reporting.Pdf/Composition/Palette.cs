using System.Globalization;
using ComplianceAuditor.Reporting.Theme;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// Colours for verdict, outcome and severity words, from the lab's theme. The word itself is always printed too, so
/// the report still reads in greyscale and for colour-blind readers.
/// </summary>
internal sealed class Palette
{
    private static readonly SKColor DarkRed = new(0xFF8B0000);
    private static readonly SKColor Red = new(0xFFC62828);
    private static readonly SKColor Amber = new(0xFFA15C00);
    private static readonly SKColor Blue = new(0xFF1565C0);
    private static readonly SKColor Grey = new(0xFF616161);
    private static readonly SKColor Purple = new(0xFF7B1FA2);

    public Palette(ThemeColours colours)
    {
        ArgumentNullException.ThrowIfNull(colours);
        Primary = Parse(colours.Primary);
        Accent = Parse(colours.Accent);
        Pass = Parse(colours.Pass);
        Fail = Parse(colours.Fail);
        Inconclusive = Parse(colours.Inconclusive);
        NotApplicable = Parse(colours.NotApplicable);
        NotAssessed = Parse(colours.NotAssessed);
    }

    public SKColor Primary { get; }

    public SKColor Accent { get; }

    public SKColor Pass { get; }

    public SKColor Fail { get; }

    public SKColor Inconclusive { get; }

    public SKColor NotApplicable { get; }

    public SKColor NotAssessed { get; }

    /// <summary>For <c>pass</c>, <c>fail</c>, <c>notApplicable</c>... and rating labels (<c>PASS</c>, <c>INCOMPLETE</c>, <c>NOT APPLICABLE</c>).</summary>
    public SKColor? ForWord(string word) => word.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "PASS" => Pass,
        "FAIL" => Fail,
        "INCONCLUSIVE" or "INCOMPLETE" => Inconclusive,
        "ERROR" => Purple,
        "NOTAPPLICABLE" => NotApplicable,
        "NOTASSESSED" => NotAssessed,
        _ => null,
    };

    public static SKColor? ForSeverity(string severity) => severity.ToUpperInvariant() switch
    {
        "CRITICAL" => DarkRed,
        "HIGH" => Red,
        "MEDIUM" => Amber,
        "LOW" => Blue,
        "INFO" => Grey,
        _ => null,
    };

    /// <summary><c>#RRGGBB</c> as an opaque colour; the theme loader has checked the form.</summary>
    public static SKColor Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var rgb = uint.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new SKColor(0xFF000000 | rgb);
    }
}

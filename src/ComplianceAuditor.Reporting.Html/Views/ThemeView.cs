using System.Text.RegularExpressions;
using ComplianceAuditor.Reporting.Charts;
using ComplianceAuditor.Reporting.Theme;

namespace ComplianceAuditor.Reporting.Html.Views;

/// <summary>
/// A lab's branding as the page uses it: name and footer as text, the logo as a <c>data:</c> address (the page loads
/// nothing from outside), and colours for the stylesheet. The colours go into CSS, where HTML encoding does not
/// apply, so each is checked again to be exactly <c>#RRGGBB</c>; anything else keeps the built-in colour.
/// </summary>
public sealed partial class ThemeView
{
    public ThemeView(ReportTheme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        Name = theme.Name;
        Footer = theme.Footer;
        var c = theme.Colours;
        var d = ThemeColours.Default;
        Primary = Hex(c.Primary, d.Primary);
        Accent = Hex(c.Accent, d.Accent);
        Pass = Hex(c.Pass, d.Pass);
        Fail = Hex(c.Fail, d.Fail);
        Inconclusive = Hex(c.Inconclusive, d.Inconclusive);
        NotApplicable = Hex(c.NotApplicable, d.NotApplicable);
        NotAssessed = Hex(c.NotAssessed, d.NotAssessed);
        if (theme.HasLogo && theme.LogoFormat is "png" or "jpeg")
        {
            // Base64 and a fixed prefix: nothing in it can end the attribute, and it is far longer than the
            // sanitiser's limit for firmware text, hence trusted markup.
            Logo = new TrustedMarkup($"data:image/{theme.LogoFormat};base64,{Convert.ToBase64String(theme.Logo.Span)}");
        }
    }

    public string? Name { get; }

    public string? Footer { get; }

    /// <summary>The logo as a <c>data:</c> address for an <c>img</c>, or null without one (print it with <c>| raw</c>).</summary>
    public TrustedMarkup? Logo { get; }

    public string Primary { get; }

    public string Accent { get; }

    public string Pass { get; }

    public string Fail { get; }

    public string Inconclusive { get; }

    public string NotApplicable { get; }

    public string NotAssessed { get; }

    /// <summary>The chart colours from the theme, so the SVG charts match the page and the PDF.</summary>
    public ChartStyle ChartStyle => ChartStyle.Default with
    {
        Palette = ChartStyle.Default.Palette with
        {
            Pass = Pass,
            Fail = Fail,
            Inconclusive = Inconclusive,
            NotApplicable = NotApplicable,
            NotAssessed = NotAssessed,
            Accent = Accent,
        },
    };

    private static string Hex(string value, string fallback) => HexColour().IsMatch(value) ? value : fallback;

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}

using ComplianceAuditor.Reporting.Pdf.Fonts;
using ComplianceAuditor.Reporting.Pdf.Layout;
using ComplianceAuditor.Reporting.Theme;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// The report's type scale and colours. Owns the <see cref="SKFont"/>s; the typefaces belong to <see cref="PdfFonts"/>.
/// </summary>
internal sealed class ReportStyles : IDisposable
{
    public static readonly SKColor Ink = new(0xFF1A1A1A);
    public static readonly SKColor Muted = new(0xFF5F6368);
    public static readonly SKColor RuleGrey = new(0xFFBDBDBD);

    private readonly List<SKFont> fonts = [];

    public ReportStyles(PdfFonts faces)
        : this(faces, ReportTheme.Default)
    {
    }

    public ReportStyles(PdfFonts faces, ReportTheme theme)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(theme);
        Theme = theme;
        Palette = new Palette(theme.Colours);
        Title = Style(faces.Bold, 22, Palette.Primary);
        Heading = Style(faces.Bold, 14, Palette.Primary);
        Subheading = Style(faces.Bold, 10.5f, Ink);
        Body = Style(faces.Regular, 9, Ink);
        Label = Style(faces.Bold, 9, Ink);
        Note = Style(faces.Regular, 8.5f, Muted);
        Mono = Style(faces.Mono, 8, Ink);
        Cell = Style(faces.Regular, 7.5f, Ink);
        CellBold = Style(faces.Bold, 7.5f, Ink);
        CellMono = Style(faces.Mono, 7, Ink);
        Frame = Style(faces.Regular, 7.5f, Muted);
        Badge = Style(faces.Bold, 9, SKColors.White);
        Warning = Style(faces.Bold, 9, Palette.Fail);
    }

    public ReportTheme Theme { get; }

    public Palette Palette { get; }

    public TextStyle Title { get; }

    public TextStyle Heading { get; }

    public TextStyle Subheading { get; }

    public TextStyle Body { get; }

    public TextStyle Label { get; }

    public TextStyle Note { get; }

    public TextStyle Mono { get; }

    public TextStyle Cell { get; }

    public TextStyle CellBold { get; }

    public TextStyle CellMono { get; }

    public TextStyle Frame { get; }

    /// <summary>White bold text on a coloured badge.</summary>
    public TextStyle Badge { get; }

    /// <summary>Red bold text for what a reader must not miss (secrets shown).</summary>
    public TextStyle Warning { get; }

    public void Dispose()
    {
        foreach (var font in fonts)
        {
            font.Dispose();
        }
    }

    private TextStyle Style(SKTypeface face, float size, SKColor colour)
    {
        // Unhinted, linear metrics: a PDF is scaled by the viewer, so measurements must match the font's design widths.
        var font = new SKFont(face, size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
        fonts.Add(font);
        return new TextStyle(font, colour);
    }
}

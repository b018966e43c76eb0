using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Fonts;

/// <summary>
/// The three faces a report uses. <see cref="Bold"/> and <see cref="Mono"/> may be the same object as
/// <see cref="Regular"/> when no better face exists. Synthetic bold is avoided: Skia's PDF backend turns emboldened
/// text into an unnamed Type 3 font of glyph outlines, which viewers render less crisply than a real bold face.
/// </summary>
public sealed class PdfFonts : IDisposable
{
    internal PdfFonts(SKTypeface regular, SKTypeface bold, SKTypeface mono, string description)
    {
        Regular = regular;
        Bold = bold;
        Mono = mono;
        Description = description;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Mono { get; }

    /// <summary>Which faces were chosen, e.g. <c>regular=DejaVu Sans, bold=DejaVu Sans, mono=DejaVu Sans Mono</c>.</summary>
    public string Description { get; }

    public void Dispose()
    {
        foreach (var typeface in new[] { Regular, Bold, Mono }.Distinct())
        {
            typeface.Dispose();
        }
    }
}

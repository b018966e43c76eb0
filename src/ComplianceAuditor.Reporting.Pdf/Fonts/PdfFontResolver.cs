using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Fonts;

/// <summary>
/// Finds the faces for a report: the files named in <see cref="PdfOptions"/> when set, otherwise system fonts
/// through fontconfig. Every face is checked for real Latin glyphs, because fontconfig answers an unknown family
/// with whatever it has, and a PDF drawn with a face that lacks the glyphs shows empty boxes without any error.
/// </summary>
public static class PdfFontResolver
{
    /// <summary>Resolves the faces; the caller disposes the result.</summary>
    /// <exception cref="FontUnavailableException">A font file is missing or unreadable, or no system font fits.</exception>
    public static PdfFonts Resolve(PdfOptions options) => Resolve(options, FontCandidates.Sans, FontCandidates.Mono);

    internal static PdfFonts Resolve(PdfOptions options, IReadOnlyList<string> sans, IReadOnlyList<string> mono)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Asked first even when font files are given: it is the first native call, so a missing libfontconfig1 or
        // libfreetype6 surfaces here as a FontUnavailableException instead of a type-initialisation crash later.
        var manager = DefaultManager();
        var tried = new List<string>();
        SKTypeface? regular = null, bold = null, monoFace = null;
        try
        {
            regular = options.FontFile is { } file
                ? FromFile(file, "--pdf-font (PdfOptions.FontFile)")
                : FromSystem(manager, sans, SKFontStyle.Normal, tried)
                    ?? throw new FontUnavailableException(
                        $"No usable font for the PDF report. Tried system fonts through fontconfig: {string.Join("; ", tried)}. "
                        + FontCandidates.InstallHint);

            bold = options.BoldFontFile is { } boldFile ? FromFile(boldFile, "PdfOptions.BoldFontFile")
                : options.FontFile is null ? BoldOf(manager, regular) ?? regular
                : regular;

            monoFace = options.MonoFontFile is { } monoFile ? FromFile(monoFile, "PdfOptions.MonoFontFile")
                : FromSystem(manager, mono, SKFontStyle.Normal, []) ?? regular;

            var description = $"regular={Describe(regular)}, bold={Describe(bold)}, mono={Describe(monoFace)}";
            return new PdfFonts(regular, bold, monoFace, description);
        }
        catch
        {
            foreach (var face in new[] { regular, bold, monoFace }.OfType<SKTypeface>().Distinct())
            {
                face.Dispose();
            }

            throw;
        }
    }

    /// <param name="option">How the user named the file, for the message.</param>
    private static SKTypeface FromFile(string path, string option)
    {
        // Checked here rather than left to Skia, which answers a missing or broken file with a bare null.
        if (!File.Exists(path))
        {
            throw new FontUnavailableException($"The font file '{path}' passed with {option} does not exist. " + FontCandidates.FileHint);
        }

        var face = SKTypeface.FromFile(path)
            ?? throw new FontUnavailableException(
                $"The font file '{path}' passed with {option} is not a font Skia can read. " + FontCandidates.FileHint);
        if (!HasLatinGlyphs(face))
        {
            face.Dispose();
            throw new FontUnavailableException(
                $"The font file '{path}' passed with {option} has no glyphs for '{FontCandidates.Probe}'. " + FontCandidates.FileHint);
        }

        return face;
    }

    private static SKTypeface? FromSystem(SKFontManager manager, IReadOnlyList<string> families, SKFontStyle style, List<string> tried)
    {
        foreach (var family in families)
        {
            var face = manager.MatchFamily(family, style);
            if (face is null)
            {
                tried.Add($"{family} (not installed)");
            }
            else if (!string.Equals(face.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            {
                tried.Add($"{family} (fontconfig offered '{face.FamilyName}' instead)");
                face.Dispose();
            }
            else if (!HasLatinGlyphs(face))
            {
                tried.Add($"{family} (no glyphs for '{FontCandidates.Probe}')");
                face.Dispose();
            }
            else
            {
                return face;
            }
        }

        return null;
    }

    /// <summary>The bold face of the same family, or null when the family has none (fontconfig then returns the regular).</summary>
    private static SKTypeface? BoldOf(SKFontManager manager, SKTypeface regular)
    {
        var face = manager.MatchFamily(regular.FamilyName, SKFontStyle.Bold);
        if (face is not null && face.FontWeight >= (int)SKFontStyleWeight.SemiBold
            && string.Equals(face.FamilyName, regular.FamilyName, StringComparison.OrdinalIgnoreCase) && HasLatinGlyphs(face))
        {
            return face;
        }

        face?.Dispose();
        return null;
    }

    private static SKFontManager DefaultManager()
    {
        try
        {
            return SKFontManager.Default;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            throw new FontUnavailableException(
                "SkiaSharp's native library could not be loaded, so system fonts cannot be looked up "
                + $"(it needs libfontconfig1 and libfreetype6): {e.Message}", e);
        }
    }

    private static bool HasLatinGlyphs(SKTypeface face)
    {
        using var font = new SKFont(face);
        return font.ContainsGlyphs(FontCandidates.Probe);
    }

    private static string Describe(SKTypeface face) => $"{face.FamilyName} {face.FontWeight}";
}

using System.Security.Cryptography;
using System.Text;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>
/// Finds the chart font and registers it with ScottPlot. ScottPlot keeps its font registry in static state, so every
/// render holds <see cref="Gate"/>: two reports rendered at once (tests, a server) must not see a half-registered font.
/// </summary>
internal static class ChartFonts
{
    /// <summary>DejaVu first: Debian's smallest font package that covers the Latin, Greek and Cyrillic firmware strings contain.</summary>
    private static readonly string[] SystemFamilies = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans"];

    private static readonly Dictionary<string, ChartFont> ByFile = new(StringComparer.Ordinal);

    private static ChartFont? system;

    /// <summary>Held for the whole of a render, not only while resolving: ScottPlot reads the registry as it draws.</summary>
    public static Lock Gate { get; } = new();

    /// <remarks>Call with <see cref="Gate"/> held.</remarks>
    /// <exception cref="ArgumentException">The font file is missing or not a font Skia can read.</exception>
    public static ChartFont For(ChartStyle style) => style.FontFile is { } file ? FromFile(file) : System();

    private static ChartFont FromFile(string file)
    {
        var path = Path.GetFullPath(file);
        if (ByFile.TryGetValue(path, out var known))
        {
            return known;
        }

        if (!File.Exists(path))
        {
            throw new ArgumentException($"The chart font file '{file}' does not exist.", nameof(file));
        }

        var face = SKTypeface.FromFile(path)
            ?? throw new ArgumentException($"The chart font file '{file}' is not a font Skia can read.", nameof(file));

        // A private alias per file: the family name inside the file may clash with an installed font of another version,
        // and ScottPlot would then pick whichever it met first.
        var alias = "ComplianceAuditorChart-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];
        ScottPlot.Fonts.AddFontFile(alias, path, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(alias, path, bold: true, italic: false);
        var font = new ChartFont(face, face, alias);
        ByFile.Add(path, font);
        return font;
    }

    private static ChartFont System()
    {
        if (system is not null)
        {
            return system;
        }

        foreach (var family in SystemFamilies)
        {
            var face = SKFontManager.Default.MatchFamily(family, SKFontStyle.Normal);
            // fontconfig answers an unknown family with some other face; only an exact match is the font asked for.
            if (face is not null && string.Equals(face.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            {
                system = new ChartFont(face, BoldOf(face) ?? face, face.FamilyName);
                return system;
            }

            face?.Dispose();
        }

        // No preferred family: whatever fontconfig calls its default still draws text, which beats blank labels.
        var fallback = SKTypeface.Default;
        system = new ChartFont(fallback, fallback, fallback.FamilyName);
        return system;
    }

    /// <summary>The bold face of the same family; null when fontconfig only has the regular one (it then answers with that).</summary>
    private static SKTypeface? BoldOf(SKTypeface regular)
    {
        var face = SKFontManager.Default.MatchFamily(regular.FamilyName, SKFontStyle.Bold);
        if (face is not null && face.FontWeight >= (int)SKFontStyleWeight.SemiBold
            && string.Equals(face.FamilyName, regular.FamilyName, StringComparison.OrdinalIgnoreCase))
        {
            return face;
        }

        face?.Dispose();
        return null;
    }
}

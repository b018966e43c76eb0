using ComplianceAuditor.Reporting.Theme;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// The lab's logo as the cover draws it: decoded in full once, scaled down to what its box needs at print resolution
/// and re-encoded as PNG. Decoding everything up front turns a file with a valid header but broken data into a clear
/// error (Skia would otherwise draw nothing), and the PDF carries a small image rather than the lab's original.
/// </summary>
internal sealed record CoverLogo(byte[] Png, int Width, int Height)
{
    /// <summary>The box on the cover the logo is fitted into, in points.</summary>
    public const float BoxWidth = 160;

    public const float BoxHeight = 60;

    /// <summary>Print resolution: more pixels than this in the box would not be seen.</summary>
    private const float Dpi = 300;

    /// <exception cref="ThemeException">The logo does not decode completely.</exception>
    public static CoverLogo From(ReportTheme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        using var bitmap = Decode(theme);
        var scale = Math.Min(1f, Math.Min(BoxWidth / 72 * Dpi / bitmap.Width, BoxHeight / 72 * Dpi / bitmap.Height));
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
        using var sized = width == bitmap.Width && height == bitmap.Height
            ? bitmap.Copy()
            : bitmap.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
              ?? throw new ThemeException($"{theme.Source}: the logo '{theme.LogoSource}' could not be scaled");

        // Skia's PNG encoder writes no time or other varying chunk, so the same logo gives the same bytes.
        using var data = sized.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new ThemeException($"{theme.Source}: the logo '{theme.LogoSource}' could not be re-encoded");
        return new CoverLogo(data.ToArray(), width, height);
    }

    private static SKBitmap Decode(ReportTheme theme)
    {
        var problem = $"{theme.Source}: the logo '{theme.LogoSource}' looks like a {theme.LogoFormat} file but cannot be decoded";
        using var data = SKData.CreateCopy(theme.Logo.Span);
        using var codec = SKCodec.Create(data) ?? throw new ThemeException(problem);

        // ThemeLoader has checked the header already; a theme built in code has not, and this allocation is the risk.
        if (codec.Info.Width > ThemeLoader.MaxLogoSide || codec.Info.Height > ThemeLoader.MaxLogoSide
            || (long)codec.Info.Width * codec.Info.Height > ThemeLoader.MaxLogoPixels)
        {
            throw new ThemeException($"{theme.Source}: the logo '{theme.LogoSource}' is {codec.Info.Width} × {codec.Info.Height} pixels, too large to decode");
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());

        // IncompleteInput is refused too: the missing rows would print as a blank band in a filed report.
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new ThemeException($"{problem} ({result})");
        }

        return bitmap;
    }
}

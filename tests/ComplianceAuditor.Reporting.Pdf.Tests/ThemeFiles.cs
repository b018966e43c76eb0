using ComplianceAuditor.Tests.Shared;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>Theme files and logos made by the tests themselves.</summary>
internal static class ThemeFiles
{
    /// <summary>A distinctive teal, so its pixels on a rendered page can only come from the theme.</summary>
    public const string Primary = "#00A884";

    /// <summary>A PNG logo drawn with Skia: a magenta square with a white bar.</summary>
    public static byte[] Logo(int width = 120, int height = 60)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(new SKColor(0xFFE0138C));
        using var paint = new SKPaint { Color = SKColors.White };
        surface.Canvas.DrawRect(new SKRect(width * 0.1f, height * 0.4f, width * 0.9f, height * 0.6f), paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static string Write(TempDirectory folder, string yaml, byte[]? logo = null, string logoName = "logo.png")
    {
        if (logo is not null)
        {
            folder.Write(logoName, logo);
        }

        return folder.Write("lab.theme.yaml", yaml);
    }

    public static string Full(string logoName = "logo.png") => $"""
        name: Acme Test Lab
        logo: {logoName}
        footer: Accreditation 4711
        colours:
          primary: "{Primary}"
          fail: "#AA0000"
        """;
}

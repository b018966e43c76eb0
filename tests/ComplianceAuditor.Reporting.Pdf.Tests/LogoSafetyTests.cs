using System.Buffers.Binary;
using ComplianceAuditor.Reporting.Theme;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>
/// Logos that would hurt a decoder are refused with a theme error: a small file declaring a huge picture (Skia would
/// allocate gigabytes or crash), and a PNG whose header is fine but whose pixel data is broken (Skia would draw nothing).
/// </summary>
public sealed class LogoSafetyTests
{
    [Fact]
    public void A_png_declaring_60000_pixels_a_side_is_refused_from_its_header()
    {
        using var folder = new TempDirectory();
        var path = ThemeFiles.Write(folder, "logo: logo.png\n", PngDeclaring(60000, 60000));

        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Load(path));

        Assert.Contains("60000 × 60000 pixels", e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:1:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_under_the_side_limit_but_over_16_megapixels_is_refused()
    {
        using var folder = new TempDirectory();
        var path = ThemeFiles.Write(folder, "logo: logo.png\n", PngDeclaring(4096, 4000));

        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Load(path));

        Assert.Contains("megapixels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_declaring_a_huge_frame_is_refused_from_its_header()
    {
        using var folder = new TempDirectory();
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
            0xFF, 0xC0, 0x00, 0x11, 0x08, 0xEA, 0x60, 0xEA, 0x60, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
            0xFF, 0xD9,
        ];
        var path = ThemeFiles.Write(folder, "logo: logo.jpg\n", jpeg, "logo.jpg");

        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Load(path));

        Assert.Contains("60000 × 60000 pixels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_with_a_good_header_and_corrupt_pixel_data_stops_the_pdf_writer()
    {
        using var folder = new TempDirectory();
        var png = ThemeFiles.Logo(200, 100);
        var idat = png.AsSpan().IndexOf("IDAT"u8);
        Assert.True(idat > 0);

        // Same length, same header: only the compressed pixels are overwritten, as a damaged file would be.
        png.AsSpan(idat + 8, 16).Fill(0xA5);
        var theme = ThemeLoader.Load(ThemeFiles.Write(folder, "logo: logo.png\n", png));

        var e = Assert.Throws<ThemeException>(() => new PdfReportWriter(new PdfOptions { Theme = theme }));

        Assert.Contains("cannot be decoded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_logo_is_embedded_scaled_to_print_resolution_and_the_same_every_time()
    {
        using var folder = new TempDirectory();
        var theme = ThemeLoader.Load(ThemeFiles.Write(folder, "logo: logo.png\n", ThemeFiles.Logo(2000, 1000)));

        var pdf = folder.Write("report.pdf", RenderedSample.Render(new PdfOptions { Theme = theme }));
        var image = Assert.Single(Poppler.Run("pdfimages", "-list", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2));
        var columns = image.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // The 160 × 60 pt box at 300 dpi holds at most 667 × 250 pixels; proportions are kept.
        Assert.Equal("500", columns[3]);
        Assert.Equal("250", columns[4]);
        Assert.Equal(RenderedSample.Render(new PdfOptions { Theme = theme }), RenderedSample.Render(new PdfOptions { Theme = theme }));
    }

    /// <summary>A PNG signature and an IHDR chunk declaring the size, then nothing: a few dozen bytes.</summary>
    private static byte[] PngDeclaring(int width, int height)
    {
        var png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(png, 0);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        png[24] = 8;
        png[25] = 6;
        return png;
    }
}

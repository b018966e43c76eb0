using ComplianceAuditor.Reporting.Theme;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>A lab's theme reaches the PDF: its name, logo, footer line and colours.</summary>
public sealed class ThemePdfTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly string pdf;

    public ThemePdfTests()
    {
        var theme = ThemeLoader.Load(ThemeFiles.Write(folder, ThemeFiles.Full(), ThemeFiles.Logo()));
        pdf = folder.Write("report.pdf", RenderedSample.Render(new PdfOptions { Theme = theme }));
    }

    [Fact]
    public void The_lab_name_is_on_the_cover_and_is_the_author()
    {
        Assert.Contains("Acme Test Lab", Poppler.PageText(pdf, 1), StringComparison.Ordinal);
        Assert.Matches(@"Author:\s+Acme Test Lab", Poppler.Run("pdfinfo", pdf));
    }

    [Fact]
    public void The_footer_line_is_on_inner_pages()
    {
        Assert.Contains("Accreditation 4711", Poppler.PageText(pdf, 2), StringComparison.Ordinal);
    }

    [Fact]
    public void The_logo_is_embedded_as_an_image_on_the_cover()
    {
        var list = Poppler.Run("pdfimages", "-list", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToArray();

        var image = Assert.Single(list);
        var columns = image.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1", columns[0]);
        Assert.Equal("120", columns[3]);
        Assert.Equal("60", columns[4]);
    }

    [Fact]
    public void The_theme_colours_are_drawn()
    {
        using var images = new PageImages(pdf, 72);
        var cover = images.Pages[0];

        // The primary colour (cover rule and title) and the logo's magenta appear; without a theme neither would.
        Assert.True(cover.Near(0x00, 0xA8, 0x84) > 100, "no primary-coloured pixels on the cover");
        Assert.True(cover.Near(0xE0, 0x13, 0x8C) > 500, "the logo is not visible on the cover");
    }

    [Fact]
    public void Without_a_theme_none_of_it_appears()
    {
        var plain = folder.Write("plain.pdf", RenderedSample.Render(new PdfOptions()));
        using var images = new PageImages(plain, 72);

        Assert.DoesNotContain("Acme Test Lab", Poppler.Text(plain), StringComparison.Ordinal);
        Assert.Equal(0, images.Pages[0].Near(0x00, 0xA8, 0x84));
        Assert.Equal(0, images.Pages[0].Near(0xE0, 0x13, 0x8C));
    }

    public void Dispose() => folder.Dispose();
}

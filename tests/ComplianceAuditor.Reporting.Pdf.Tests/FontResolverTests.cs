using ComplianceAuditor.Reporting.Pdf.Fonts;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

public sealed class FontResolverTests
{
    private const string DejaVuSerif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

    [Fact]
    public async Task Missing_font_file_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-font-{Guid.NewGuid():N}.ttf");
        var writer = new PdfReportWriter(new PdfOptions { FontFile = path });

        var e = await Assert.ThrowsAsync<FontUnavailableException>(
            () => writer.WriteAsync(SampleReport.Build(), Stream.Null, CancellationToken.None));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains("--pdf-font", e.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_that_is_not_a_font_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-font-{Guid.NewGuid():N}.ttf");
        File.WriteAllText(path, "this is not a font");
        try
        {
            var e = Assert.Throws<FontUnavailableException>(() => PdfFontResolver.Resolve(new PdfOptions { FontFile = path }));
            Assert.Contains("not a font", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_bold_or_mono_file_is_a_clear_error_too()
    {
        var e = Assert.Throws<FontUnavailableException>(
            () => PdfFontResolver.Resolve(new PdfOptions { MonoFontFile = "/nonexistent/mono.ttf" }));
        Assert.Contains("MonoFontFile", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_installed_family_names_what_was_tried_and_the_fix()
    {
        var e = Assert.Throws<FontUnavailableException>(
            () => PdfFontResolver.Resolve(new PdfOptions(), ["No Such Family 1", "No Such Family 2"], []));

        Assert.Contains("No Such Family 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("No Such Family 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-dejavu-core", e.Message, StringComparison.Ordinal);
        Assert.Contains("--pdf-font", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void System_fonts_follow_the_preference_list()
    {
        using var fonts = PdfFontResolver.Resolve(new PdfOptions());

        Assert.Equal("DejaVu Sans", fonts.Regular.FamilyName);
        Assert.True(fonts.Bold.FontWeight >= 600, fonts.Description);
        Assert.Equal("DejaVu Sans Mono", fonts.Mono.FamilyName);
    }

    [Fact]
    public void A_lab_font_file_is_used_and_embedded()
    {
        Assert.True(File.Exists(DejaVuSerif), $"{DejaVuSerif} is needed for this test: apt-get install fonts-dejavu-core");
        var pdf = Path.Combine(Path.GetTempPath(), $"pdf-font-test-{Guid.NewGuid():N}.pdf");
        try
        {
            File.WriteAllBytes(pdf, RenderedSample.Render(new PdfOptions { FontFile = DejaVuSerif }));
            var fonts = Poppler.Run("pdffonts", pdf);

            Assert.Contains("DejaVuSerif", fonts, StringComparison.Ordinal);
            Assert.DoesNotContain("DejaVuSans ", fonts, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pdf);
        }
    }
}

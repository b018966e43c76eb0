using System.Text.RegularExpressions;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>The cover draws each scheme's rating the way its model reads, and warns in red when secrets are shown.</summary>
public sealed partial class CoverTests
{
    [Fact]
    public void Each_rating_model_is_drawn_and_labelled()
    {
        var report = SampleReport.Build();
        var template = report.Schemes[0];
        report = report with
        {
            Schemes =
            [
                template with { ShortTitle = "Share scheme" },
                template with { ShortTitle = "Gate scheme", Rating = Rating("passFail", "PASS", null, null) },
                template with { ShortTitle = "Level scheme", Rating = Rating("levels", "LEVEL 2", 2, 3) },
                template with { ShortTitle = "Star scheme", Kind = "model", Rating = Rating("stars", "3 STARS", 3, 5) },
            ],
        };
        using var folder = new TempDirectory();
        var pdf = folder.Write("ratings.pdf", RenderedSample.Render(new PdfOptions(), report));

        var cover = Whitespace().Replace(Poppler.PageText(pdf, 1), " ");
        Assert.Contains("Share scheme Grade E 41.7 % FAIL", cover, StringComparison.Ordinal);
        Assert.Contains("Gate scheme PASS", cover, StringComparison.Ordinal);
        Assert.Contains("Level scheme LEVEL 2 (2 of 3 levels)", cover, StringComparison.Ordinal);
        Assert.Contains("Star scheme (our model) 3 STARS (3 of 5 stars)", cover, StringComparison.Ordinal);
        Assert.DoesNotContain("★", cover, StringComparison.Ordinal);

        // Stars are drawn shapes: their gold fill shows on the rendered cover.
        using var images = new PageImages(pdf, 72);
        Assert.True(images.Pages[0].Near(0xF2, 0xA9, 0x00) > 40, "no filled stars on the cover");
    }

    [Fact]
    public void Shown_secrets_are_announced_in_red_on_the_cover()
    {
        using var folder = new TempDirectory();
        var shown = folder.Write("shown.pdf", RenderedSample.Render(new PdfOptions(), SampleReport.Build() with { SecretsShown = true }));
        var hidden = folder.Write("hidden.pdf", RenderedSample.Render(new PdfOptions()));

        Assert.Contains("Handle it as confidential", Whitespace().Replace(Poppler.PageText(shown, 1), " "), StringComparison.Ordinal);
        Assert.DoesNotContain("confidential", Poppler.PageText(hidden, 1), StringComparison.Ordinal);
        using var images = new PageImages(shown, 72);
        Assert.True(images.Pages[0].Near(0xC6, 0x28, 0x28, 30) > 50, "the warning is not red");
    }

    private static RatingEntry Rating(string model, string label, int? level, int? max) => new()
    {
        Model = model, Label = label, Score = 50, Level = level, MaxLevel = max, Failed = false, Formula = "test formula",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

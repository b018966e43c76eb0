using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceAuditor.Reporting.Pdf.Composition;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>The example audit's PDF checked the way a reader would: rendered pages, extracted text, fonts.</summary>
public sealed partial class ExamplePdfTests(ExampleDocument example) : IClassFixture<ExampleDocument>
{
    [Fact]
    public void No_page_is_blank()
    {
        using var images = new PageImages(example.Path, 20);

        Assert.Equal(example.PageCount, images.Pages.Count);
        for (var i = 0; i < images.Pages.Count; i++)
        {
            // A page with only the running header and footer would have a few hundred inked pixels at this resolution.
            Assert.True(images.Pages[i].Inked > 600, $"page {i + 1} looks blank ({images.Pages[i].Inked} inked pixels)");
        }
    }

    [Fact]
    public void Cover_names_the_device_inputs_with_hashes_tool_and_rule_set()
    {
        var cover = Normalise(example.PageTexts[0]);
        var report = example.Report;

        Assert.Contains("Compliance audit report", cover, StringComparison.Ordinal);
        Assert.Contains("Example Devices Ltd ExampleCam EC-100 firmware 1.4.2", cover, StringComparison.Ordinal);
        Assert.Contains(report.Tool.RulesetSha256, cover, StringComparison.Ordinal);
        Assert.Contains($"{report.Tool.Name} {report.Tool.Version}", cover, StringComparison.Ordinal);
        Assert.Contains("2026-01-01T00:00:00Z", cover, StringComparison.Ordinal);
        Assert.All(report.Inputs, i => Assert.Contains(i.Sha256, cover, StringComparison.Ordinal));
        Assert.All(report.Schemes, s => Assert.Contains(s.ShortTitle, cover, StringComparison.Ordinal));
        // Our own rating model is marked as such once: its title already says "(ours)", so no "(our model)" is added.
        var model = Assert.Single(report.Schemes, s => s.Kind == "model");
        Assert.Contains("(ours)", model.ShortTitle, StringComparison.Ordinal);
        Assert.DoesNotContain("(ours) (our model)", cover, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stars", "model", "Stars (our model)")]
    [InlineData("AU star model (ours)", "model", "AU star model (ours)")]
    [InlineData("ETSI EN 303 645", "standard", "ETSI EN 303 645")]
    public void A_rating_model_of_ours_is_marked_once(string title, string kind, string expected)
    {
        var scheme = example.Report.Schemes[0] with { ShortTitle = title, Kind = kind };
        Assert.Equal(expected, ReportText.SchemeName(scheme));
    }

    [Fact]
    public void Contents_give_the_page_each_section_starts_on()
    {
        var entries = ReportComposer.Entries(example.Report);
        var contents = example.PageTexts[1];
        Assert.Contains(TocSection.Title, contents, StringComparison.Ordinal);

        foreach (var entry in entries)
        {
            var line = contents.Split('\n').Select(l => TocLine().Match(l)).FirstOrDefault(m => m.Success && m.Groups[1].Value == entry.Title);
            Assert.True(line is not null, $"'{entry.Title}' is not in the contents");
            var page = int.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture);

            // The section's heading is the first line under the running header on that page.
            var lines = example.PageTexts[page - 1].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            Assert.True(lines.Length > 2, $"page {page} is nearly empty");
            Assert.Equal(entry.Title, lines[1]);
        }
    }

    [Fact]
    public void Contents_entries_link_to_named_destinations_on_the_same_pages()
    {
        var dests = Poppler.Run("pdfinfo", "-dests", example.Path).Split('\n')
            .Select(l => DestinationLine().Match(l))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[2].Value, m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var contents = example.PageTexts[1].Split('\n').Select(l => TocLine().Match(l)).Where(m => m.Success).ToArray();

        foreach (var entry in ReportComposer.Entries(example.Report))
        {
            var listed = int.Parse(contents.First(m => m.Groups[1].Value == entry.Title).Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.Equal(listed, dests[entry.Anchor]);
        }
    }

    [Fact]
    public void Every_scheme_has_its_section_and_every_finding_its_block()
    {
        var all = Normalise(string.Join(" ", example.PageTexts));
        foreach (var scheme in example.Report.Schemes)
        {
            Assert.Contains($"{scheme.Title}, version {scheme.Version}", all, StringComparison.Ordinal);
        }

        var findings = example.Report.Results.Where(r => r.Outcome is "fail" or "inconclusive").ToArray();
        Assert.NotEmpty(findings);
        foreach (var f in findings)
        {
            var title = example.Report.Rules.Single(r => r.Id == f.RuleId).Title;
            Assert.Contains($"{f.RuleId} {Normalise(title)}", all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sections_come_in_reading_order_after_the_cover_and_contents()
    {
        var composed = Composed();

        Assert.Equal(1, composed.CoverPages);
        var pages = composed.Contents.Select(c => c.Page).ToArray();
        Assert.Equal(3, pages[0]);
        Assert.Equal(pages.Order().ToArray(), pages);
        Assert.Equal(pages.Length, pages.Distinct().Count());
        Assert.Equal(
            [SummarySection.Title, .. example.Report.Schemes.Select(s => s.ShortTitle), FindingsSection.Title, MethodSection.Title],
            composed.Contents.Select(c => c.Entry.Title).ToArray());
    }

    [Fact]
    public void Charts_are_vectors_whose_labels_are_text_in_the_summary()
    {
        var summary = Normalise(string.Join(" ", example.PageTexts.Skip(2).Take(3)));

        // The scheme chart labels each bar "<short title> (<rating label>)"; found as text, it was drawn as text.
        Assert.All(example.Report.Schemes, s => Assert.Contains($"{s.ShortTitle} ({s.Rating.Label})", summary, StringComparison.Ordinal));
        Assert.Contains("Headline score for ETSI EN 303 645", summary, StringComparison.Ordinal);
        Assert.Empty(Poppler.Run("pdfimages", "-list", example.Path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2));
    }

    [Fact]
    public void Fonts_are_embedded()
    {
        var lines = Poppler.Run("pdffonts", example.Path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var emb = lines[0].IndexOf("emb", StringComparison.Ordinal);

        Assert.True(lines.Length > 2);
        Assert.All(lines.Skip(2), f => Assert.Equal("yes", f.Substring(emb, 3)));
    }

    [Fact]
    public void Rendering_twice_gives_the_same_bytes()
    {
        Assert.True(example.Bytes.AsSpan().SequenceEqual(RenderedSample.Render(new PdfOptions(), example.Report)));
    }

    private ComposedReport Composed()
    {
        using var fonts = Fonts.PdfFontResolver.Resolve(new PdfOptions());
        using var styles = new ReportStyles(fonts);
        return ReportComposer.Compose(example.Report, styles, Layout.PageSetup.A4, NoCharts.Instance);
    }

    private static string Normalise(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A line of pdfinfo -dests: page, destination, quoted name.</summary>
    [GeneratedRegex("^\\s*(\\d+)\\s+\\[.*\\]\\s+\"(.+)\"\\s*$")]
    private static partial Regex DestinationLine();

    /// <summary>A contents line in pdftotext -layout: the title, a gap, the page number at the end.</summary>
    [GeneratedRegex(@"^\s*(\S.*?)\s{2,}(\d+)\s*$")]
    private static partial Regex TocLine();
}

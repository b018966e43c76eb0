using System.Globalization;
using ComplianceAuditor.Reporting.Pdf.Composition;
using ComplianceAuditor.Reporting.Pdf.Fonts;
using ComplianceAuditor.Reporting.Pdf.Layout;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>
/// Text the font cannot draw is escaped rather than dropped; long reasons are cut between words; a provision only a
/// check could assess says so in words.
/// </summary>
public sealed class TextSafetyTests : IDisposable
{
    private const string Artifact = "firmware.img!/keys/设备密钥-ключ😀.key";

    private readonly PdfFonts fonts = PdfFontResolver.Resolve(new PdfOptions());
    private readonly ReportStyles styles;

    public TextSafetyTests() => styles = new ReportStyles(fonts);

    [Fact]
    public void Characters_the_font_has_no_glyph_for_are_printed_as_escapes()
    {
        // The default faces (DejaVu) have Cyrillic but no CJK and no emoji; the test is about those that are missing.
        Assert.False(styles.Mono.Font.ContainsGlyph(0x8BBE), "the test needs a font without CJK");
        using var folder = new TempDirectory();
        var report = SampleReport.Build();
        report = report with { Results = [report.Results[0] with { Artifact = Artifact, Evidence = [] }, .. report.Results.Skip(1)] };

        var pdf = folder.Write("report.pdf", RenderedSample.Render(new PdfOptions(), report));
        var text = string.Concat(Poppler.Text(pdf).Where(c => !char.IsWhiteSpace(c)));

        Assert.Contains(@"firmware.img!/keys/\u8BBE\u5907\u5BC6\u94A5-ключ\u1F600.key", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrapping_measures_the_escaped_text()
    {
        var escaped = styles.Body.Drawable("设备");

        Assert.Equal(@"\u8BBE\u5907", escaped);
        var lines = TextWrapper.Wrap(new string('设', 60), styles.Body, 200);
        Assert.All(lines, l => Assert.True(styles.Body.Measure(l) <= 200.5f, $"'{l}' is wider than its line"));
        Assert.Equal(string.Concat(Enumerable.Repeat(@"\u8BBE", 60)), string.Concat(lines));
    }

    [Fact]
    public void A_long_reason_is_kept_to_600_characters_and_cut_between_words()
    {
        var reason = string.Join(' ', Enumerable.Range(0, 200).Select(i => string.Create(CultureInfo.InvariantCulture, $"word{i:D3}")));
        var result = SampleReport.Build().Results[0] with { Message = "Found it", Reason = reason };

        var text = ReportText.MessageAndReason(result);

        var shown = text["Found it — ".Length..];
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
        Assert.InRange(shown.Length, 400, 601);
        Assert.Matches(@" word\d{3}…$", shown);
    }

    [Fact]
    public void A_provision_only_a_check_could_assess_does_not_say_needs_nothing()
    {
        var report = SampleReport.Build();
        var scheme = report.Schemes[0];
        var provision = scheme.Provisions[0] with { Verdict = "notAssessed", Assessment = ["automated"], Reasons = [], Conflicts = [] };
        report = report with { Schemes = [scheme with { Provisions = [provision, .. scheme.Provisions.Skip(1)] }, .. report.Schemes.Skip(1)] };

        var composed = ReportComposer.Compose(report, styles, PageSetup.A4, NoCharts.Instance);
        var text = string.Join(" ", composed.Pages.SelectMany(p => p).OfType<TextOp>().Select(t => t.Text));

        Assert.DoesNotContain("needs .", text, StringComparison.Ordinal);
        Assert.Contains("no automated check gave a result", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        styles.Dispose();
        fonts.Dispose();
    }
}

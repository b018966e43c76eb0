using ComplianceAuditor.Reporting.Pdf.Composition;
using ComplianceAuditor.Reporting.Pdf.Fonts;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>Keep-together blocks: moved whole to the next page when they do not fit, split with a continuation when taller than a page.</summary>
public sealed class BlockLayoutTests : IDisposable
{
    private readonly PdfFonts fonts = PdfFontResolver.Resolve(new PdfOptions());
    private readonly ReportStyles styles;

    public BlockLayoutTests() => styles = new ReportStyles(fonts);

    [Fact]
    public void A_block_that_does_not_fit_moves_whole_to_the_next_page()
    {
        var flow = new FlowLayout(PageSetup.A4);
        while (flow.Remaining > styles.Body.LineHeight * 5)
        {
            flow.Paragraph("filler", styles.Body);
        }

        var block = Lines("kept", 10);
        Assert.True(block.Height > flow.Remaining);

        flow.Place(block);

        Assert.Equal(2, flow.Pages.Count);
        Assert.DoesNotContain(flow.Pages[0], op => op is TextOp { Text: var t } && t.StartsWith("kept", StringComparison.Ordinal));
        Assert.Equal(10, flow.Pages[1].Count(op => op is TextOp { Text: var t } && t.StartsWith("kept", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_block_that_fits_stays_on_the_page()
    {
        var flow = new FlowLayout(PageSetup.A4);
        flow.Paragraph("before", styles.Body);

        flow.Place(Lines("kept", 10));

        Assert.Single(flow.Pages);
        Assert.Equal(10, flow.Pages[0].Count(op => op is TextOp { Text: var t } && t.StartsWith("kept", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_block_taller_than_a_page_is_split_and_each_later_page_says_continued()
    {
        var flow = new FlowLayout(PageSetup.A4);
        var block = Lines("line", 200);
        var continuation = new Block(flow.Left, flow.Width);
        continuation.Paragraph("FW-001 (continued)", styles.Label);

        flow.Place(block, continuation);

        Assert.True(flow.Pages.Count >= 3);
        Assert.DoesNotContain(flow.Pages[0], op => op is TextOp { Text: "FW-001 (continued)" });
        Assert.All(flow.Pages.Skip(1), p => Assert.Contains(p, op => op is TextOp { Text: "FW-001 (continued)" }));
        var placed = flow.Pages.SelectMany(p => p).OfType<TextOp>().Where(t => t.Text.StartsWith("line", StringComparison.Ordinal)).ToArray();
        Assert.Equal(200, placed.Length);
        Assert.All(placed, t => Assert.InRange(t.Baseline, PageSetup.A4.ContentTop, PageSetup.A4.ContentBottom));
    }

    [Fact]
    public void A_finding_in_a_report_is_never_cut_unless_it_is_taller_than_a_page()
    {
        var composed = ReportComposer.Compose(SampleReport.Build(), styles, PageSetup.A4, NoCharts.Instance);
        var withTitle = composed.Pages.Select(p => p.OfType<TextOp>().Select(t => t.Text).ToArray()).ToArray();

        // Each block starts with its title line and ends with "What to do" plus the remediation: both on one page.
        foreach (var id in new[] { SampleReport.RuleId(1), SampleReport.RuleId(77), SampleReport.HostileRuleId })
        {
            var page = Array.FindIndex(withTitle, texts => texts.Any(t => t.StartsWith($"{id} {SampleReport.RuleTitle(id)}", StringComparison.Ordinal)));
            Assert.True(page >= 0, id);
            Assert.Contains(withTitle[page], t => t.Contains($"rule {id} forbids", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_finding_taller_than_a_page_continues_on_the_next_with_its_id()
    {
        var report = SampleReport.Build();
        var excerpt = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"config line {i} = value"));
        var evidence = Enumerable.Range(0, 5).Select(_ => new Model.EvidenceEntry { Kind = "text", Line = 1, Excerpt = excerpt }).ToArray();
        var huge = report.Results[0] with { RuleId = "HUGE-001", Evidence = evidence, Fingerprint = "huge" };
        report = report with { Results = [huge] };

        var composed = ReportComposer.Compose(report, styles, PageSetup.A4, NoCharts.Instance);
        var pages = composed.Pages.Select(p => p.OfType<TextOp>().Select(t => t.Text).ToArray()).ToArray();

        var first = Array.FindIndex(pages, p => p.Contains("HUGE-001"));
        var continued = pages.Select((p, i) => (p, i)).Where(x => x.p.Contains("HUGE-001 (continued)")).Select(x => x.i).ToArray();
        Assert.True(first >= 0);
        Assert.NotEmpty(continued);
        Assert.Equal(first + 1, continued[0]);
        Assert.Equal(200, pages.Sum(p => p.Count(t => t.StartsWith("config line", StringComparison.Ordinal))));
    }

    [Fact]
    public void An_excerpt_is_printed_as_text_in_the_mono_face_with_its_byte_offset()
    {
        var report = SampleReport.Build();
        var evidence = new Model.EvidenceEntry { Kind = "bytes", Description = "a banner string", ByteOffset = 0x40, Excerpt = "BusyBox v1.36.1 (2024-01-01)" };
        report = report with { Results = [report.Results[0] with { Evidence = [evidence] }] };

        var composed = ReportComposer.Compose(report, styles, PageSetup.A4, NoCharts.Instance);
        var ops = composed.Pages.SelectMany(p => p).OfType<TextOp>().ToArray();

        Assert.Contains(ops, t => t.Style == styles.Mono && t.Text == "BusyBox v1.36.1 (2024-01-01)");
        Assert.Contains(ops, t => t.Text.Contains("offset 0x40", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_label_wraps_in_its_column_instead_of_running_into_the_value()
    {
        var flow = new FlowLayout(PageSetup.A4);

        flow.LabelledValue("IETF SUIT architecture requirements", "REQ-1 (lab), REQ-5 (declaration)", styles.Label, styles.Body, 110);

        var labels = flow.Pages[0].OfType<TextOp>().Where(t => t.Style == styles.Label).ToArray();
        Assert.True(labels.Length > 1);
        Assert.All(labels, t => Assert.True(t.X + styles.Label.Measure(t.Text) <= flow.Left + 110, $"'{t.Text}' runs into the value"));
        Assert.Equal("IETF SUIT architecture requirements", string.Join(" ", labels.Select(t => t.Text)));
    }

    public void Dispose()
    {
        styles.Dispose();
        fonts.Dispose();
    }

    private Block Lines(string prefix, int count)
    {
        var block = new Block(PageSetup.A4.ContentLeft, PageSetup.A4.ContentWidth);
        for (var i = 0; i < count; i++)
        {
            block.Paragraph($"{prefix} {i}", styles.Body);
        }

        return block;
    }
}

using ComplianceAuditor.Reporting.Pdf.Composition;
using ComplianceAuditor.Reporting.Pdf.Fonts;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

public sealed class LayoutTests : IDisposable
{
    private readonly PdfFonts fonts = PdfFontResolver.Resolve(new PdfOptions());
    private readonly ReportStyles styles;

    public LayoutTests() => styles = new ReportStyles(fonts);

    [Fact]
    public void Long_words_are_broken_so_every_line_fits()
    {
        var text = "short " + string.Concat(Enumerable.Repeat("firmware.img!/rootfs/usr/lib/", 6)) + " " + new string('x', 300);

        var lines = TextWrapper.Wrap(text, styles.Cell, 120);

        Assert.True(lines.Count > 4);
        Assert.All(lines, l => Assert.True(styles.Cell.Measure(l) <= 120, $"'{l}' is wider than the line"));
        Assert.Equal(WithoutSpaces(text), WithoutSpaces(string.Concat(lines)));
    }

    [Fact]
    public void Wrapping_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("\U0001F512", 80));

        var lines = TextWrapper.Wrap(text, styles.Cell, 40);

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.False(char.IsHighSurrogate(l[^1]), "a line ends inside a surrogate pair"));
    }

    [Fact]
    public void Sanitised_escapes_are_kept_whole_when_a_word_is_cut()
    {
        var text = "cookie</script>" + @"\u202E\u0001end" + new string('x', 40);

        var lines = TextWrapper.Wrap(text, styles.CellMono, 90);

        Assert.Contains(lines, l => l.StartsWith(@"\u202E", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.EndsWith('\\'));
    }

    [Fact]
    public void Nothing_is_drawn_outside_the_content_area()
    {
        var setup = PageSetup.A4;
        var composed = ReportComposer.Compose(SampleReport.Build(), styles, setup, NoCharts.Instance);

        Assert.True(composed.Pages.Count > 3);
        foreach (var op in composed.Pages.SelectMany(p => p))
        {
            switch (op)
            {
                case TextOp t:
                    Assert.InRange(t.Baseline, setup.ContentTop, setup.ContentBottom);
                    Assert.InRange(t.X, setup.ContentLeft, setup.ContentRight);
                    Assert.True(t.X + t.Style.Measure(t.Text) <= setup.ContentRight + 0.5f, $"'{t.Text}' runs past the right margin");
                    break;
                case LineOp l:
                    Assert.InRange(Math.Max(l.Y1, l.Y2), setup.ContentTop, setup.ContentBottom + 0.01f);
                    break;
                case FillOp f:
                    Assert.InRange(f.Rect.Bottom, setup.ContentTop, setup.ContentBottom + 0.01f);
                    break;
            }
        }
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_and_the_header_repeated()
    {
        var flow = new FlowLayout(PageSetup.A4);
        var table = new TableLayout([new TableColumn("Only column", 1)], styles.Cell, styles.CellBold);
        table.AddRow(string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"word{i}")));

        table.Render(flow);

        Assert.True(flow.Pages.Count > 1);
        Assert.All(flow.Pages, p => Assert.Contains(p, op => op is TextOp { Text: "Only column" }));
        Assert.Contains(flow.Pages[^1], op => op is TextOp { Text: var s } && s.Contains("word2999", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_is_not_left_alone_at_the_bottom_of_a_page()
    {
        var flow = new FlowLayout(PageSetup.A4);
        while (flow.Remaining > styles.Heading.LineHeight * 2)
        {
            flow.Paragraph("filler", styles.Body);
        }

        flow.Heading("Lonely heading", styles.Heading, 0, 40);

        Assert.Equal(2, flow.Pages.Count);
        Assert.Contains(flow.Pages[1], op => op is TextOp { Text: "Lonely heading" });
    }

    public void Dispose()
    {
        styles.Dispose();
        fonts.Dispose();
    }

    private static string WithoutSpaces(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal);
}

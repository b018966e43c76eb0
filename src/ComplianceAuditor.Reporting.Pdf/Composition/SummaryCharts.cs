using ComplianceAuditor.Reporting.Charts;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// The executive summary's charts (outcomes, per-scheme verdict bars, score gauge), drawn by the chart project straight
/// onto the PDF page as vectors, so their labels are real text. Each has its title above and its numbers in words below,
/// which is what a reader of a greyscale print (or a screen reader) gets.
/// </summary>
/// <param name="fontFile">The body font file when the PDF uses one, so chart labels match the text; null for system fonts.</param>
internal sealed class SummaryCharts(string? fontFile) : IChartSource
{
    /// <summary>No chart is drawn taller than this, so a report with many schemes still shows the gauge on the same page.</summary>
    private const float MaxHeight = 380;

    public void Compose(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(styles);
        var charts = ReportCharts.For(report);
        if (charts.Count == 0)
        {
            return;
        }

        var style = new ChartStyle(Palette(styles), fontFile);
        flow.Heading("Charts", styles.Subheading, 12, 60);
        foreach (var chart in charts)
        {
            // Shrunk to the column, never enlarged: the natural size is what the chart's text sizes were chosen for.
            var scale = Math.Min(1, Math.Min(flow.Width / chart.Width, MaxHeight / chart.Height));
            var width = chart.Width * scale;
            var height = chart.Height * scale;
            var caption = TextWrapper.Wrap(ReportText.Safe(chart.Description, 3000), styles.Note, flow.Width).Count * styles.Note.LineHeight;
            flow.KeepTogether(styles.Label.LineHeight + height + caption + 4);
            flow.Paragraph(ReportText.Safe(chart.Title), styles.Label);
            var left = flow.Left + ((flow.Width - width) / 2);
            var area = new SKRect(left, flow.Y, left + width, flow.Y + height);
            flow.Add(new CanvasOp(area, (canvas, a) => chart.Draw(canvas, a, style)));
            flow.Advance(height + 2);
            flow.Paragraph(ReportText.Safe(chart.Description, 3000), styles.Note);
            flow.Space(8);
        }
    }

    /// <summary>The theme's verdict colours, so charts and tables colour a verdict the same way.</summary>
    private static ChartPalette Palette(ReportStyles styles)
    {
        var c = styles.Theme.Colours;
        var d = ChartPalette.Default;
        return new ChartPalette(c.Pass, c.Fail, c.Inconclusive, c.NotApplicable, c.NotAssessed, c.Accent, d.Text, d.Grid);
    }
}

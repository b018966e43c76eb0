using ComplianceAuditor.Reporting.Model;
using ScottPlot;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>Two bar groups side by side: every result by outcome, and the open failures by severity.</summary>
internal sealed class OutcomesChart(IReadOnlyList<CountBar> outcomes, IReadOnlyList<CountBar> severities) : IChartBody
{
    private const float NaturalWidth = 520;
    private const float NaturalHeight = 220;

    /// <summary>The outcome group gets a little more room: its words are longer.</summary>
    private const float OutcomeShare = 0.55f;

    public static ReportChart Create(ResultSummary summary)
    {
        var outcomes = OutcomeCounts.Outcomes(summary);
        var severities = OutcomeCounts.Severities(summary);
        var description = $"Results by outcome: {List(outcomes)}. Open failures by severity (waived ones left out): {List(severities)}.";
        return new ReportChart("outcomes", "Results by outcome and severity", description, NaturalWidth, NaturalHeight,
            new OutcomesChart(outcomes, severities));
    }

    public void Paint(ChartPainter painter, float width, float height)
    {
        var split = width * OutcomeShare;
        var colors = painter.Colors;
        Group(painter, "Results by outcome", outcomes, b => b.Key == "waived" ? colors.NotAssessed : colors.ForVerdict(b.Key),
            new SKRect(0, 0, split, height));
        Group(painter, "Open failures by severity", severities, b => colors.ForSeverityRank(ReportFindings.SeverityRank(b.Key)),
            new SKRect(split, 0, width, height));
    }

    /// <summary>
    /// Horizontal bars, first on top: the words sit left of their bars and never collide, however many outcomes a
    /// report has; the count goes at the end of each bar.
    /// </summary>
    private static void Group(ChartPainter painter, string title, IReadOnlyList<CountBar> bars, Func<CountBar, SKColor> color, SKRect rect)
    {
        using var plot = PlotSetup.Create(painter);
        var plotBars = bars.Select((b, i) => new Bar
        {
            Position = bars.Count - 1 - i,
            Value = b.Count,
            FillColor = ChartColors.ToScottPlot(color(b)),
            LineWidth = 0,
            Label = ChartText.Number(b.Count),
            Orientation = Orientation.Horizontal,
            Size = 0.7,
        }).ToList();
        var barPlot = plot.Add.Bars(plotBars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = PlotSetup.TickSize;
        barPlot.ValueLabelStyle.ForeColor = ChartColors.ToScottPlot(painter.Colors.Text);

        plot.Title(title);
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, bars.Count).Select(i => (double)(bars.Count - 1 - i)).ToArray(),
            bars.Select(b => b.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        PlotSetup.CountTicks(plot.Axes.Bottom);
        // Room right of the longest bar for its number; an all-zero group still gets a 0..1 axis.
        var end = Math.Max(1, bars.Max(b => b.Count)) * 1.22;
        plot.Axes.SetLimits(0, end, -0.6, bars.Count - 0.4);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        PlotSetup.Render(plot, painter, rect);
    }

    private static string List(IEnumerable<CountBar> bars) =>
        string.Join(", ", bars.Select(b => $"{ChartText.Number(b.Count)} {ChartText.Word(b.Key)}"));
}

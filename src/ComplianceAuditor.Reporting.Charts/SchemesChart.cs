using ComplianceAuditor.Reporting.Model;
using ScottPlot;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>One horizontal bar per scheme, in report order, split by the share of its provisions in each verdict.</summary>
internal sealed class SchemesChart(IReadOnlyList<SchemesChart.Row> rows) : IChartBody
{
    /// <summary>A rule set with hundreds of schemes would make a chart taller than a page; the rest is in the tables.</summary>
    public const int MaxRows = 30;

    private const float NaturalWidth = 520;
    private const float RowHeight = 26;
    private const float AxisRoom = 40;
    private const float LegendRoom = 26;
    private const float LabelSize = 10;

    public static ReportChart Create(IReadOnlyList<SchemeEntry> schemes)
    {
        var rows = schemes.Take(MaxRows).Select(s => new Row(RowLabel(s), SchemeShares.For(s))).ToArray();
        var parts = rows.Select(r => $"{r.Label}: {Describe(r.Counts)}");
        var more = schemes.Count > MaxRows ? $" {ChartText.Number(schemes.Count - MaxRows)} more schemes are in the tables only." : "";
        var description = "Provisions by verdict per scheme. " + string.Join("; ", parts) + "." + more;
        var height = AxisRoom + (RowHeight * rows.Length) + LegendRoom;
        return new ReportChart("schemes", "Provisions by verdict per scheme", description, NaturalWidth, height, new SchemesChart(rows));
    }

    public void Paint(ChartPainter painter, float width, float height)
    {
        using var plot = PlotSetup.Create(painter);
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            // The first scheme on top: ScottPlot's y axis grows upwards.
            var position = rows.Count - 1 - i;
            var total = rows[i].Counts.Sum(c => c.Count);
            double start = 0;
            foreach (var count in rows[i].Counts.Where(c => c.Count > 0))
            {
                var share = 100.0 * count.Count / total;
                bars.Add(new Bar
                {
                    Position = position,
                    ValueBase = start,
                    Value = start + share,
                    FillColor = ChartColors.ToScottPlot(painter.Colors.ForVerdict(count.Key)),
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                    Size = 0.7,
                });
                start += share;
            }
        }

        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }

        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i)).ToArray(),
            rows.Select(r => painter.Fit(r.Label, PlotSetup.TickSize, width * 0.42f)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "share of provisions (%)";
        plot.Axes.Bottom.Label.FontSize = LabelSize;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.SetLimits(0, 100, -0.6, rows.Count - 0.4);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        PlotSetup.Render(plot, painter, new SKRect(0, 0, width, height - LegendRoom));
        Legend(painter, width, height - 8);
    }

    /// <summary>The verdict colours in one centred row under the plot.</summary>
    private static void Legend(ChartPainter painter, float width, float baseline)
    {
        const float swatch = 9, gap = 5, spacing = 14;
        var words = SchemeShares.Verdicts.Select(ChartText.Word).ToArray();
        var total = words.Sum(w => swatch + gap + painter.Measure(w, LabelSize)) + (spacing * (words.Length - 1));
        var x = (width - total) / 2;
        for (var i = 0; i < words.Length; i++)
        {
            painter.Box(new SKRect(x, baseline - swatch, x + swatch, baseline), painter.Colors.ForVerdict(SchemeShares.Verdicts[i]));
            x += swatch + gap;
            painter.Text(words[i], x, baseline, LabelSize, painter.Colors.Text);
            x += painter.Measure(words[i], LabelSize) + spacing;
        }
    }

    /// <summary>"ETSI EN 303 645 (FAIL)": the scheme and its rating, both from a rule file and so sanitised.</summary>
    private static string RowLabel(SchemeEntry scheme) =>
        $"{ChartText.Safe(scheme.ShortTitle, 40)} ({ChartText.Safe(scheme.Rating.Label, 24)})";

    private static string Describe(IReadOnlyList<CountBar> counts)
    {
        var total = counts.Sum(c => c.Count);
        if (total == 0)
        {
            return "no provisions";
        }

        var shown = counts.Where(c => c.Count > 0).Select(c => $"{ChartText.Number(c.Count)} {c.Label}");
        return $"{string.Join(", ", shown)} of {ChartText.Number(total)} provisions";
    }

    internal sealed record Row(string Label, IReadOnlyList<CountBar> Counts);
}

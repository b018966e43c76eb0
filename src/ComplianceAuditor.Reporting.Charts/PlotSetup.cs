using ScottPlot;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>The ScottPlot settings every bar chart shares, and drawing a plot into part of a canvas.</summary>
internal static class PlotSetup
{
    public const float TickSize = 10;

    public static Plot Create(ChartPainter painter)
    {
        var plot = new Plot();
        // The chart is drawn onto a page that already has content (the PDF) or a page background (HTML): ScottPlot
        // must not clear or fill anything beyond its bars and lines.
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.Font.Set(painter.Font.ScottPlotFamily);

        var text = ChartColors.ToScottPlot(painter.Colors.Text);
        var grid = ChartColors.ToScottPlot(painter.Colors.Grid);
        plot.Axes.Color(text);
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Title.Label.FontSize = 12;
        plot.Axes.Title.Label.ForeColor = text;
        // Only the axes that carry ticks are drawn; a full frame reads as a table border next to the report's tables.
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = grid;
        return plot;
    }

    /// <summary>Renders <paramref name="plot"/> into <paramref name="rect"/> (natural-size coordinates).</summary>
    public static void Render(Plot plot, ChartPainter painter, SKRect rect)
    {
        // ScottPlot 5.1 draws a plot twice on its first render (the second pass with the settled layout). A first pass
        // onto a canvas that draws nothing keeps a duplicate of every label out of the PDF text and the SVG.
        using (var warmUp = new SKNoDrawCanvas((int)rect.Width, (int)rect.Height))
        {
            plot.Render(warmUp, (int)rect.Width, (int)rect.Height);
        }

        var canvas = painter.Canvas;
        canvas.Save();
        try
        {
            canvas.ClipRect(rect);
            canvas.Translate(rect.Left, rect.Top);
            plot.Render(canvas, (int)rect.Width, (int)rect.Height);
        }
        finally
        {
            canvas.Restore();
        }
    }

    /// <summary>Integer ticks only: a count axis labelled 0.5 suggests half a finding.</summary>
    public static void CountTicks(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        axis.MinorTickStyle.Length = 0;
    }
}

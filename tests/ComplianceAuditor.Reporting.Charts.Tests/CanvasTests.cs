using ComplianceAuditor.Tests.Shared;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts.Tests;

public class CanvasTests
{
    [Fact]
    public void Charts_drawn_on_a_pdf_page_are_text_that_pdftotext_extracts()
    {
        using var temp = new TempDirectory();
        var pdf = Path.Combine(temp.Path, "charts.pdf");
        var charts = ReportCharts.For(HandReport.ThreeSchemes());
        using (var stream = File.Create(pdf))
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(595, 842);
            float y = 40;
            foreach (var chart in charts)
            {
                // Narrower than natural size, as in a page column: the chart scales down and stays text.
                chart.Draw(canvas, SKRect.Create(40, y, 480, chart.Height * 480 / chart.Width), ChartStyle.Default);
                y += (chart.Height * 480 / chart.Width) + 20;
            }

            document.EndPage();
            document.Close();
        }

        var text = Poppler.Text(pdf);

        Assert.Contains("Results by outcome", text, StringComparison.Ordinal);
        Assert.Contains("Critical", text, StringComparison.Ordinal);
        Assert.Contains("UK PSTI (FAIL)", text, StringComparison.Ordinal);
        Assert.Contains("share of provisions", text, StringComparison.Ordinal);
        Assert.Contains("not assessed", text, StringComparison.Ordinal);
        Assert.Contains("55", text, StringComparison.Ordinal);
        Assert.Contains("of 100", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l.Contains("UK PSTI (FAIL)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("outcomes")]
    [InlineData("schemes")]
    [InlineData("gauge")]
    public void Drawing_on_a_raster_surface_paints_inside_the_area_and_nowhere_else(string id)
    {
        var chart = ChartListTests.Chart(HandReport.ThreeSchemes(), id);
        var info = new SKImageInfo(800, 600, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        var area = SKRect.Create(100, 50, chart.Width, chart.Height);

        chart.Draw(surface.Canvas, area, ChartStyle.Default);

        using var pixmap = surface.PeekPixels();
        var inside = 0;
        var outside = 0;
        for (var y = 0; y < info.Height; y++)
        {
            for (var x = 0; x < info.Width; x++)
            {
                if (pixmap.GetPixelColor(x, y) == SKColors.White)
                {
                    continue;
                }

                if (area.Contains(x + 0.5f, y + 0.5f))
                {
                    inside++;
                }
                else
                {
                    outside++;
                }
            }
        }

        // At least 2 % of the area is ink (bars, arcs, text); the page around it stays untouched, so a chart can never
        // wipe what the PDF writer drew before it.
        Assert.True(inside > area.Width * area.Height * 0.02, $"{inside} painted pixels inside the area");
        Assert.Equal(0, outside);
    }

    [Fact]
    public void An_empty_area_draws_nothing()
    {
        var chart = ChartListTests.Chart(HandReport.ThreeSchemes(), "gauge");
        using var surface = SKSurface.Create(new SKImageInfo(50, 50));
        surface.Canvas.Clear(SKColors.White);

        chart.Draw(surface.Canvas, SKRect.Create(10, 10, 0, 0), ChartStyle.Default);

        using var pixmap = surface.PeekPixels();
        Assert.Equal(SKColors.White, pixmap.GetPixelColor(10, 10));
    }
}

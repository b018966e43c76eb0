using System.Xml.Linq;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts.Tests;

public class GaugeTests
{
    private static readonly SKColor Fail = SKColor.Parse(ChartPalette.Default.Fail);
    private static readonly SKColor Pass = SKColor.Parse(ChartPalette.Default.Pass);
    private static readonly SKColor Track = SKColor.Parse(ChartPalette.Default.Grid);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(55, "55")]
    [InlineData(100, "100")]
    public void The_gauge_shows_the_score_as_number_and_arc(double score, string number)
    {
        var gauge = Gauge(score, failed: score < 100);

        var texts = SvgTests.Texts(gauge);
        Assert.Contains(number, texts);
        Assert.Contains("ETSI EN 303 645", texts);
        Assert.Contains(score < 100 ? "FAIL" : "PASS", texts);

        // The track always shows; the value arc only when there is a score to show, in the colour of the verdict.
        var paths = XElement.Parse(gauge.ToSvg(ChartStyle.Default)).Descendants().Where(e => e.Name.LocalName == "path").ToArray();
        var strokes = paths.Select(p => (string?)p.Attribute("stroke")).OfType<string>().ToArray();
        Assert.Contains(ChartPalette.Default.Grid, strokes, StringComparer.OrdinalIgnoreCase);
        var value = score < 100 ? ChartPalette.Default.Fail : ChartPalette.Default.Pass;
        Assert.Equal(score > 0, strokes.Contains(value, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_value_arc_covers_more_of_the_track_as_the_score_grows()
    {
        var none = ArcPixels(Gauge(0, failed: true), Fail);
        var half = ArcPixels(Gauge(55, failed: true), Fail);
        var full = ArcPixels(Gauge(100, failed: false), Pass);
        var fullTrack = ArcPixels(Gauge(100, failed: false), Track);
        var emptyTrack = ArcPixels(Gauge(0, failed: true), Track);

        Assert.Equal(0, none);
        Assert.True(half > 0, "55 draws a value arc");
        Assert.True(full > half * 1.5, $"100 ({full}) covers clearly more than 55 ({half})");
        Assert.True(emptyTrack > fullTrack * 5, $"at 0 the track shows ({emptyTrack}); at 100 it is covered ({fullTrack})");
    }

    [Fact]
    public void A_score_outside_0_to_100_is_drawn_at_the_nearest_end()
    {
        Assert.Contains("100", SvgTests.Texts(Gauge(250, failed: false)));
        Assert.Contains("0", SvgTests.Texts(Gauge(double.NaN, failed: true)));
    }

    private static ReportChart Gauge(double score, bool failed) => ChartListTests.Chart(
        HandReport.With([HandReport.Scheme("etsi-en-303-645", "ETSI EN 303 645", score, label: failed ? "FAIL" : "PASS", failed: failed)]),
        "gauge");

    /// <summary>
    /// Pixels of exactly <paramref name="color"/> (anti-aliased edges left out) in the ring the arc runs in, drawn at
    /// natural size; the verdict under the number is in the same colour and must not count.
    /// </summary>
    private static int ArcPixels(ReportChart chart, SKColor color)
    {
        var info = new SKImageInfo((int)chart.Width, (int)chart.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        chart.Draw(surface.Canvas, SKRect.Create(chart.Width, chart.Height), ChartStyle.Default);
        using var pixmap = surface.PeekPixels();
        var count = 0;
        for (var y = 0; y < info.Height; y++)
        {
            for (var x = 0; x < info.Width; x++)
            {
                var distance = SKPoint.Distance(new SKPoint(x + 0.5f, y + 0.5f), new SKPoint(chart.Width / 2, GaugeChart.CentreY));
                var onRing = Math.Abs(distance - GaugeChart.Radius) <= GaugeChart.Stroke / 2;
                count += onRing && pixmap.GetPixelColor(x, y) == color ? 1 : 0;
            }
        }

        return count;
    }
}

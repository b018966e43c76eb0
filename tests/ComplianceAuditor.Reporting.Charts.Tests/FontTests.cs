using System.Xml.Linq;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Charts.Tests;

public class FontTests
{
    [Fact]
    public void A_font_file_sets_every_chart_text_in_that_font()
    {
        var (file, family) = OtherFont();
        var style = ChartStyle.Default with { FontFile = file };

        foreach (var chart in ReportCharts.For(HandReport.ThreeSchemes()))
        {
            var families = XElement.Parse(chart.ToSvg(style)).Descendants().Where(e => e.Name.LocalName == "text")
                .Select(e => (string?)e.Attribute("font-family")).Distinct().ToArray();

            Assert.NotEmpty(families);
            Assert.All(families, f => Assert.Equal(family + ", sans-serif", f));
        }
    }

    [Fact]
    public void Without_a_font_file_the_charts_use_one_system_sans_serif()
    {
        var families = ReportCharts.For(HandReport.ThreeSchemes())
            .SelectMany(c => XElement.Parse(c.ToSvg(ChartStyle.Default)).Descendants().Where(e => e.Name.LocalName == "text"))
            .Select(e => (string?)e.Attribute("font-family")).Distinct().ToArray();

        var family = Assert.Single(families);
        Assert.EndsWith(", sans-serif", family, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_font_file_is_refused_with_its_name()
    {
        var chart = ReportCharts.For(HandReport.ThreeSchemes())[0];
        var style = ChartStyle.Default with { FontFile = "/nonexistent/chart-font.ttf" };

        var error = Assert.Throws<ArgumentException>(() => chart.ToSvg(style));
        Assert.Contains("chart-font.ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_at_the_same_time_give_what_renders_one_after_the_other_give()
    {
        var (file, _) = OtherFont();
        var styles = new[] { ChartStyle.Default, ChartStyle.Default with { FontFile = file } };
        var charts = ReportCharts.For(HandReport.ThreeSchemes());
        var serial = styles.SelectMany(s => charts.Select(c => c.ToSvg(s))).ToArray();

        var parallel = new string[16][];
        Parallel.For(0, parallel.Length, i => parallel[i] = styles.SelectMany(s => charts.Select(c => c.ToSvg(s))).ToArray());

        Assert.All(parallel, p => Assert.Equal(serial, p));
    }

    [Fact]
    public void One_skia_is_loaded_and_it_is_the_one_the_managed_library_expects()
    {
        // ScottPlot asks for an older SkiaSharp whose package ships its own libSkiaSharp.so; a mismatch fails here
        // rather than as a crash inside a PDF page.
        Assert.True(SkiaSharpVersion.CheckNativeLibraryCompatible(), $"native Skia {SkiaSharpVersion.Native}");
    }

    /// <summary>An installed font file whose family is not the default chart font, so the test can tell them apart.</summary>
    private static (string File, string Family) OtherFont()
    {
        const string root = "/usr/share/fonts";
        var files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.ttf", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (var file in files)
        {
            using var face = SKTypeface.FromFile(file);
            using var font = new SKFont(face);
            if (face is not null && face.FamilyName is { Length: > 0 } family
                && !string.Equals(family, "DejaVu Sans", StringComparison.Ordinal) && font.ContainsGlyphs("AaZz09"))
            {
                return (file, family);
            }
        }

        throw new InvalidOperationException("No TrueType font besides DejaVu Sans under /usr/share/fonts; install fonts-dejavu-extra or fonts-liberation.");
    }
}

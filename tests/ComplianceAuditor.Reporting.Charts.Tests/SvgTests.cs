using System.Xml.Linq;

namespace ComplianceAuditor.Reporting.Charts.Tests;

public class SvgTests
{
    private const string Hostile = "Lab <script>alert(1)</script> & \"Co\" \u202Egnp.exe";

    [Fact]
    public void Two_renders_of_the_same_report_are_byte_identical()
    {
        // Rendered in between: Skia numbers clip paths with a process-wide counter, which must not reach the output.
        var first = ReportCharts.For(HandReport.ThreeSchemes()).Select(c => c.ToSvg(ChartStyle.Default)).ToArray();
        _ = ReportCharts.For(HandReport.With()).Single().ToSvg(ChartStyle.Default);
        var second = ReportCharts.For(HandReport.ThreeSchemes()).Select(c => c.ToSvg(ChartStyle.Default)).ToArray();

        Assert.Equal(3, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_chart_is_one_svg_element_with_its_size_title_and_description()
    {
        foreach (var chart in ReportCharts.For(HandReport.ThreeSchemes()))
        {
            var svg = chart.ToSvg(ChartStyle.Default);
            var root = XElement.Parse(svg);

            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            Assert.Equal("svg", root.Name.LocalName);
            Assert.Equal(FormattableString.Invariant($"0 0 {chart.Width:0.##} {chart.Height:0.##}"), (string?)root.Attribute("viewBox"));
            Assert.Equal(chart.Title, root.Elements().First(e => e.Name.LocalName == "title").Value);
            Assert.Equal(chart.Description, root.Elements().First(e => e.Name.LocalName == "desc").Value);
        }
    }

    [Fact]
    public void Ids_carry_the_chart_prefix_so_charts_can_share_a_page()
    {
        var charts = ReportCharts.For(HandReport.ThreeSchemes());
        var ids = charts.SelectMany(c => XElement.Parse(c.ToSvg(ChartStyle.Default)).DescendantsAndSelf()
            .Select(e => (string?)e.Attribute("id")).OfType<string>()
            .Select(id => (chart: c.Id, id))).ToArray();

        Assert.NotEmpty(ids);
        Assert.All(ids, x => Assert.StartsWith(x.chart + "-", x.id, StringComparison.Ordinal));
        Assert.Equal(ids.Length, ids.Select(x => x.id).Distinct().Count());
    }

    [Fact]
    public void Hostile_scheme_titles_are_escaped_and_no_script_gets_through()
    {
        var report = HandReport.With(
        [
            HandReport.Scheme("etsi-en-303-645", Hostile, 40, label: "<b>FAIL</b>", verdicts: ["pass", "fail"]),
        ]);

        foreach (var chart in ReportCharts.For(report).Where(c => c.Id is "schemes" or "gauge"))
        {
            var svg = chart.ToSvg(ChartStyle.Default);

            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
            Assert.Contains("&amp;", svg, StringComparison.Ordinal);
            // The right-to-left override is shown as an escape, not obeyed.
            Assert.DoesNotContain("\u202E", svg, StringComparison.Ordinal);
            Assert.Contains("\\u202E", svg, StringComparison.Ordinal);
            // Well-formed, and the drawn text (not only the description) holds the title.
            var texts = XElement.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value);
            Assert.Contains(texts, t => t.Contains("<script>", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Characters_xml_cannot_hold_do_not_break_the_svg()
    {
        var report = HandReport.With([HandReport.Scheme("etsi-en-303-645", "  Bad\uFFFE\uFFFFname \U0001F512 ", 40, verdicts: ["pass"])]);

        foreach (var chart in ReportCharts.For(report))
        {
            var root = XElement.Parse(chart.ToSvg(ChartStyle.Default));
            Assert.Equal("svg", root.Name.LocalName);
        }

        // The emoji has no glyph in the chart font: Skia leaves it out of the drawing (the description keeps it).
        Assert.Contains("Bad??name (FAIL)", Texts(ChartListTests.Chart(report, "schemes")));
    }

    [Fact]
    public void The_svg_makes_no_external_request_and_holds_no_active_content()
    {
        foreach (var chart in ReportCharts.For(HandReport.ThreeSchemes()))
        {
            var svg = chart.ToSvg(ChartStyle.Default);
            var root = XElement.Parse(svg);

            Assert.DoesNotContain("http:", svg.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https:", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName is "script" or "foreignObject" or "image" or "use" or "a" or "style");
            Assert.DoesNotContain(
                root.DescendantsAndSelf().SelectMany(e => e.Attributes()),
                a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || a.Name.LocalName == "href");
        }
    }

    [Fact]
    public void The_drawn_text_says_the_numbers_and_the_scheme_labels()
    {
        var charts = ReportCharts.For(HandReport.ThreeSchemes()).ToDictionary(c => c.Id);

        var outcomes = Texts(charts["outcomes"]);
        var schemes = Texts(charts["schemes"]);
        var gauge = Texts(charts["gauge"]);

        Assert.Contains("40", outcomes);
        Assert.Contains("Pass", outcomes);
        Assert.Contains("Critical", outcomes);
        // Exactly once: ScottPlot's double first render must not leave a second copy of every label.
        Assert.Single(schemes, t => t == "UK PSTI (FAIL)");
        Assert.Single(schemes, t => t == "share of provisions (%)");
        Assert.Single(outcomes, t => t == "Results by outcome");
        Assert.Contains("ioXt (2 STARS)", schemes);
        Assert.Contains("55", gauge);
        Assert.Contains("ETSI EN 303 645", gauge);
    }

    [Fact]
    public void Palette_colours_reach_the_svg_and_a_malformed_colour_is_refused()
    {
        var style = ChartStyle.Default with { Palette = ChartPalette.Default with { Pass = "#01AB12" } };
        var schemes = ReportCharts.For(HandReport.ThreeSchemes()).Single(c => c.Id == "schemes");

        Assert.Contains("#01AB12", schemes.ToSvg(style), StringComparison.OrdinalIgnoreCase);
        var bad = ChartStyle.Default with { Palette = ChartPalette.Default with { Fail = "red\"/><script>" } };
        var error = Assert.Throws<ArgumentException>(() => schemes.ToSvg(bad));
        Assert.Contains("Fail", error.Message, StringComparison.Ordinal);
    }

    internal static string[] Texts(ReportChart chart) => XElement.Parse(chart.ToSvg(ChartStyle.Default))
        .Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();
}

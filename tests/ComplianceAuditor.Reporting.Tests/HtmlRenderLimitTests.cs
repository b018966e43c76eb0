using System.Diagnostics;
using System.Text.Json;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Reporting.Json;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>A lab's template cannot run, nest or print without end; the built-in ones fit a 20,000-failure report.</summary>
public sealed class HtmlRenderLimitTests
{
    [Theory]
    [InlineData("_summary.liquid", "{% for i in (1..1000000000) %}x{% endfor %}")]
    [InlineData("_summary.liquid", "{% assign n = 2000000000 %}{% for i in (0..n) %}x{% endfor %}")]
    [InlineData("_summary.liquid", "{% assign r = (-2000000000..2000000000) %}{{ r.size }}")]
    [InlineData(HtmlReportWriter.TemplateName, "{% for i in (1..1000000000) %}x{% endfor %}")]
    [InlineData("_summary.liquid", "{{ report.results[(1..2000000000)] }}")]
    [InlineData("_summary.liquid", "{% render '_part' %}")]
    public async Task A_range_too_long_to_build_is_refused_before_it_exists(string file, string template)
    {
        using var dir = new TempDirectory();
        dir.Write(file, template);
        dir.Write("_part.liquid", "{% for i in (1..1000000000) %}x{% endfor %}");
        var writer = new HtmlReportWriter(dir.Path);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TemplateException>(() => SampleAudit.RenderAsync(writer, HtmlSecurityTests.PlantedReport()));

        Assert.StartsWith(HtmlReportWriter.TemplateName + ": the range (", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"stopped only after {clock.Elapsed}");
    }

    [Fact]
    public async Task Short_ranges_built_over_and_over_are_stopped_by_the_step_limit()
    {
        using var dir = new TempDirectory();
        // 100,000 ranges of 1,000 numbers, made and never looped over: about 200,000 steps of Fluid's own, but each
        // number costs a step, 100 million in all.
        dir.Write("_summary.liquid", "{% for a in (1..100000) %}{% assign r = (1..1000) %}{% endfor %}");
        var writer = new HtmlReportWriter(dir.Path);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TemplateException>(() => SampleAudit.RenderAsync(writer, HtmlSecurityTests.PlantedReport()));

        Assert.StartsWith(HtmlReportWriter.TemplateName + ":", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("the range", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"stopped only after {clock.Elapsed}");
    }

    [Theory]
    [InlineData("{% for i in (1..3) %}[{{ i }}]{% endfor %}", "[1][2][3]")]
    [InlineData("{% assign n = 4 %}{% for i in (2..n) reversed %}[{{ i }}]{% endfor %}", "[4][3][2]")]
    [InlineData("{% for i in (3..1) %}[{{ i }}]{% endfor %}", "")]
    [InlineData("{% assign r = (1..5) %}{{ r | join: ',' }}", "1,2,3,4,5")]
    public async Task Ranges_within_the_bound_behave_as_Liquid_ranges(string template, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("_summary.liquid", "<out>" + template + "</out>");
        var writer = new HtmlReportWriter(dir.Path);

        var html = await SampleAudit.RenderAsync(writer, HtmlSecurityTests.PlantedReport());

        Assert.Contains("<out>" + expected + "</out>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_passes_the_size_bound_stops_and_no_more_reaches_the_file()
    {
        using var dir = new TempDirectory();
        // 2,000 steps of 1,000 bytes each: few steps, much output.
        dir.Write("_summary.liquid", "{% for i in (1..2000) %}" + new string('y', 1000) + "{% endfor %}");
        var writer = new HtmlReportWriter(dir.Path) { OutputLimit = 1_000_000 };
        using var file = new MemoryStream();

        var error = await Assert.ThrowsAsync<TemplateException>(() => writer.WriteAsync(HtmlSecurityTests.PlantedReport(), file, CancellationToken.None));

        Assert.Equal(HtmlReportWriter.TemplateName + ": the page passed 1000000 bytes; a template that prints this much is stopped", error.Message);
        Assert.InRange(file.Length, 1, 1_000_000);
    }

    [Fact]
    public async Task The_same_page_under_the_bound_is_written_whole()
    {
        using var dir = new TempDirectory();
        dir.Write("_summary.liquid", "{% for i in (1..200) %}" + new string('y', 1000) + "{% endfor %}");
        var writer = new HtmlReportWriter(dir.Path) { OutputLimit = 1_000_000 };

        var html = await SampleAudit.RenderAsync(writer, HtmlSecurityTests.PlantedReport());

        Assert.Contains(new string('y', 200_000), html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Includes_nested_deeper_than_the_recursion_limit_are_stopped()
    {
        using var dir = new TempDirectory();
        var depth = HtmlReportWriter.MaxRecursion + 5;
        for (var i = 0; i < depth; i++)
        {
            dir.Write($"_n{i}.liquid", $"<i>{{% include '_n{i + 1}' %}}</i>");
        }

        dir.Write($"_n{depth}.liquid", "bottom");
        dir.Write("_summary.liquid", "{% include '_n0' %}");
        var writer = new HtmlReportWriter(dir.Path);

        var error = await Assert.ThrowsAsync<TemplateException>(() => writer.RenderAsync(HtmlSecurityTests.PlantedReport()));

        Assert.Contains("recursion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_in_templates_render_a_20000_failure_report_within_the_limits()
    {
        var report = await GrownSampleAsync(20_000);

        var html = await SampleAudit.RenderAsync(new HtmlReportWriter(), report);

        // Each failure is a row of the findings table, the last one included.
        Assert.Contains(report.Results[^1].Artifact, html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    /// <summary>The vulnerable-rootfs sample report with copies of its failures, each on its own artifact path.</summary>
    private static async Task<AuditReport> GrownSampleAsync(int failures)
    {
        await using var file = File.OpenRead(Path.Combine(RepositoryPaths.Reports, "samples", "vulnerable-rootfs", "report.json"));
        var report = await JsonSerializer.DeserializeAsync<AuditReport>(file, ReportJson.Options) ?? throw new InvalidDataException("empty sample");
        var seeds = report.Results.Where(r => r.Outcome == "fail").ToArray();
        var results = report.Results.ToList();
        for (var i = seeds.Length; i < failures; i++)
        {
            var seed = seeds[i % seeds.Length];
            results.Add(seed with { Artifact = $"{seed.Artifact}.copy{i}", Fingerprint = $"v1:copy{i}" });
        }

        return report with { Results = results };
    }
}

using System.Diagnostics;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>
/// What a lab's template makes in memory, not only what it prints, is bounded: captures and filters that grow a value
/// without end are stopped within a few steps, with an error naming what outgrew its bound; ordinary use is untouched.
/// </summary>
public sealed class HtmlTemplateBoundsTests
{
    /// <summary>"a" doubled 13 times: 8,192 characters, small enough to make, large enough to square.</summary>
    private const string Grown = "{% assign s = 'a' %}{% for i in (1..13) %}{% assign s = s | append: s %}{% endfor %}";

    [Theory]
    [InlineData("{% assign s = 'x' %}{% for i in (1..60) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}", "the capture 's' passed ")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}", "the filter 'append' would make a string of ")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..60) %}{% assign s = s | prepend: s | upcase %}{% endfor %}", "the filter 'prepend' would make a string of ")]
    [InlineData(Grown + "{{ s | replace: 'a', s | size }}", "the filter 'replace' would make a string of ")]
    [InlineData(Grown + "{% assign l = s | split: '' %}{{ l | join: s | size }}", "the filter 'join' would make a string of ")]
    [InlineData(Grown + "{% for i in (1..8) %}{% assign s = s | append: s %}{% endfor %}{{ s | split: '' | size }}", "the filter 'split' would make a list of ")]
    [InlineData("{% assign r = (1..600000) %}{{ r | concat: r | size }}", "the filter 'concat' would make a list of ")]
    [InlineData("{{ 'abc' | replace: '', 'x' }}", "the filter 'replace' failed: ")]
    [InlineData("{{ 1 | divided_by: 0 }}", "the filter 'divided_by' failed: ")]
    [InlineData("{{ 1 | format_number: 'F999999999' }}", "the filter 'format_number' was given a width or precision of 999999999")]
    [InlineData(Grown + "{% for i in (1..9) %}{% assign s = s | append: s %}{% endfor %}{{ s | escape | size }}", "the filter 'escape' would make a string of ")]
    public async Task A_value_grown_past_its_bound_is_stopped_with_a_reason(string template, string reason)
    {
        using var dir = new TempDirectory();
        dir.Write("_summary.liquid", template);
        var writer = new HtmlReportWriter(dir.Path);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TemplateException>(() => SampleAudit.RenderAsync(writer, HtmlSecurityTests.PlantedReport()));

        Assert.StartsWith(HtmlReportWriter.TemplateName + ": " + reason, error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"stopped only after {clock.Elapsed}");
    }

    [Theory]
    [InlineData("{% assign x = '<&>' %}{% capture s %}<b>{{ x }}</b>{% endcapture %}{{ s }}", "<b>&lt;&amp;&gt;</b>")]
    [InlineData("{% capture s %}{% for i in (1..3) %}{{ i }}{% endfor %}{% endcapture %}{{ s | size }}:{{ s }}", "3:123")]
    [InlineData(Grown + "{{ s | size }}", "8192")]
    [InlineData("{{ 'a,b,c' | split: ',' | join: '~' }}", "a~b~c")]
    [InlineData("{{ 'a-b-a' | replace: 'a', 'xyz' }}", "xyz-b-xyz")]
    [InlineData("{{ 8000 | hex }}", "0x1f40")]
    [InlineData("{% assign r = (1..600000) %}{{ r | reverse | first }}", "600000")]
    [InlineData("{% for i in (1..2) %}{% capture c %}a{{ i }}{% break %}b{% endcapture %}{% endfor %}[{{ c }}]", "[a1]")]
    [InlineData("{% for i in (1..3) %}{% capture c %}{{ i }}{% continue %}b{% endcapture %}{% endfor %}[{{ c }}]", "[3]")]
    public async Task Ordinary_use_of_captures_and_filters_is_unchanged(string template, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("_summary.liquid", "<out>" + template + "</out>");
        var writer = new HtmlReportWriter(dir.Path);

        var html = await SampleAudit.RenderAsync(writer, HtmlSecurityTests.PlantedReport());

        Assert.Contains("<out>" + expected + "</out>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% tablerow i in (1..2) cols: 'x' %}{{ i }}{% endtablerow %}")]
    [InlineData("{% for i in (1..3) limit: 99999999999 %}{{ i }}{% endfor %}")]
    public async Task Whatever_Fluid_throws_for_a_template_is_a_template_error(string template)
    {
        using var dir = new TempDirectory();
        dir.Write("_summary.liquid", template);
        var writer = new HtmlReportWriter(dir.Path);

        var error = await Assert.ThrowsAsync<TemplateException>(() => writer.RenderAsync(HtmlSecurityTests.PlantedReport()));

        Assert.StartsWith(HtmlReportWriter.TemplateName + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loop_whose_steps_are_slow_is_stopped_by_the_time_bound()
    {
        using var dir = new TempDirectory();
        // A 2-million-character string searched a million times: few steps, minutes of work.
        dir.Write("_summary.liquid", Grown + "{% for i in (1..8) %}{% assign s = s | append: s %}{% endfor %}"
            + "{% for i in (1..1000000) %}{% if s contains 'y' %}y{% endif %}{% endfor %}");
        var writer = new HtmlReportWriter(dir.Path) { RenderTimeLimit = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TemplateException>(() => writer.RenderAsync(HtmlSecurityTests.PlantedReport()));

        Assert.Equal(HtmlReportWriter.TemplateName + ": the page took longer than 1 s to render; a template that works this long is stopped", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"stopped only after {clock.Elapsed}");
    }

    [Fact]
    public async Task Many_values_each_within_the_bound_are_stopped_by_the_page_budget()
    {
        using var dir = new TempDirectory();
        // 100 copies of an 8,192-character string kept in one list: 819,200 characters made.
        dir.Write("_summary.liquid", Grown + "{% assign all = '' | split: ',' %}"
            + "{% for i in (1..100) %}{% assign t = s | append: i | split: '|' %}{% assign all = all | concat: t %}{% endfor %}");
        var limited = new HtmlReportWriter(dir.Path) { CharacterLimit = 500_000 };
        var roomy = new HtmlReportWriter(dir.Path) { CharacterLimit = 2_000_000 };

        var error = await Assert.ThrowsAsync<TemplateException>(() => limited.RenderAsync(HtmlSecurityTests.PlantedReport()));
        var html = await roomy.RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.Equal(HtmlReportWriter.TemplateName + ": the templates' filters and captures made more than 500000 characters in all; a template that makes this much is stopped", error.Message);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computed_include_inside_a_capture_is_refused_when_the_templates_are_loaded()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("_summary.liquid", "{% capture x %}{% include some_name %}{% endcapture %}");

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir.Path));

        Assert.Equal(file + ": an include must name its file in quotes ('_summary.liquid'), not compute it", error.Message);
    }

    [Fact]
    public async Task The_script_partial_sees_no_report_and_has_a_size_bound_of_its_own()
    {
        using var dir = new TempDirectory();
        dir.Write("_script.liquid", "var name = '{{ report.inputs[0].name }}{{ inputs.size }}';");
        using var big = new TempDirectory();
        big.Write("_script.liquid", "{% for i in (1..2000) %}" + new string('x', 1000) + "{% endfor %}");
        var report = HtmlSecurityTests.PlantedReport();

        var html = await new HtmlReportWriter(dir.Path).RenderAsync(report);
        var error = await Assert.ThrowsAsync<TemplateException>(() => new HtmlReportWriter(big.Path).RenderAsync(report));

        Assert.Contains("<script>var name = '';</script>", html, StringComparison.Ordinal);
        Assert.Equal(HtmlReportWriter.ScriptTemplateName + ": the script passed 1048576 bytes; a template that prints this much is stopped", error.Message);
    }

    [Fact]
    public async Task Raw_prints_only_the_writers_own_markup_unencoded()
    {
        using var dir = new TempDirectory();
        // A firmware string (the planted artifact path), a string the template made, and a chart's SVG.
        dir.Write("_summary.liquid", "<a>{{ report.results[0].artifact | raw }}</a><b>{{ '<i>' | raw }}</b><d>{{ charts[0].svg | raw }}</d><e>{{ charts[0].svg }}</e>");

        var html = await new HtmlReportWriter(dir.Path).RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.Contains("<a>fw.bin!/&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<b>&lt;i&gt;</b>", html, StringComparison.Ordinal);
        Assert.Contains("<d><svg ", html, StringComparison.Ordinal);
        // Without raw the writer's markup is text like any other.
        Assert.Contains("<e>&lt;svg ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Blocks_nested_past_the_bound_are_refused_before_parsing_with_the_line()
    {
        using var dir = new TempDirectory();
        // 3,000 nested ifs overflow Fluid's parser, which would end the process.
        var file = dir.Write("_summary.liquid", "<p>\n" + string.Concat(Enumerable.Repeat("{% if true %}", 3000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 3000)));

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir.Path));

        Assert.Equal(file + ":2: blocks are nested more than 100 deep; a template may nest at most 100", error.Message);
    }

    [Theory]
    [InlineData("{{ 1", " | plus: 1", " }}")]
    [InlineData("{% if true", " and true", " %}x{% endif %}")]
    [InlineData("{% liquid\nassign x = 1", " | plus: 1", "\necho x %}")]
    [InlineData("{{ a", "[0]", " }}")]
    public void A_tag_with_too_many_operations_is_refused_before_parsing(string start, string repeated, string end)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("_summary.liquid", start + string.Concat(Enumerable.Repeat(repeated, 10_000)) + end);

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir.Path));

        Assert.StartsWith(file + ":1: a tag with 10000 filters, operators and indexes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_and_chains_within_the_bounds_still_render()
    {
        using var dir = new TempDirectory();
        dir.Write("_summary.liquid", "<out>" + string.Concat(Enumerable.Repeat("{% if true %}", 100)) + "{{ 1" + string.Concat(Enumerable.Repeat(" | plus: 1", 100)) + " }}" + string.Concat(Enumerable.Repeat("{% endif %}", 100)) + "</out>");

        var html = await new HtmlReportWriter(dir.Path).RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.Contains("<out>101</out>", html, StringComparison.Ordinal);
    }
}

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
    public async Task Ordinary_use_of_captures_and_filters_is_unchanged(string template, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("_summary.liquid", "<out>" + template + "</out>");
        var writer = new HtmlReportWriter(dir.Path);

        var html = await SampleAudit.RenderAsync(writer, HtmlSecurityTests.PlantedReport());

        Assert.Contains("<out>" + expected + "</out>", html, StringComparison.Ordinal);
    }
}

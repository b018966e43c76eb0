using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>A lab's own templates (--template-dir): override by file name, fall back to the built-in set, fail early and clearly.</summary>
public sealed class HtmlTemplateDirTests
{
    [Fact]
    public async Task One_changed_partial_overrides_the_built_in_one_and_the_rest_is_built_in()
    {
        using var dir = new TempDirectory();
        dir.Write("_summary.liquid", "<section id=\"summary\"><p>Lab summary: {{ schemes.size }} scheme(s), {{ failures }} failure(s)</p></section>");

        var html = await new HtmlReportWriter(dir.Path).RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.Contains("<p>Lab summary: 1 scheme(s), 1 failure(s)</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Results by outcome", html, StringComparison.Ordinal);
        Assert.Contains("id=\"findings-table\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_main_template_may_include_a_partial_of_its_own()
    {
        using var dir = new TempDirectory();
        dir.Write(HtmlReportWriter.TemplateName, "<html><body>{% include '_cover' %}{% render '_lab-footer.liquid' %}<script>{{ script | raw }}</script></body></html>");
        dir.Write("_cover.liquid", "<h1>Lab cover for {{ report.inputs[0].name }}</h1>");
        dir.Write("_lab-footer.liquid", "<footer>Lab footer</footer>");

        var html = await new HtmlReportWriter(dir.Path).RenderAsync(HtmlSecurityTests.PlantedReport());

        Assert.StartsWith("<html><body><h1>Lab cover for fw.bin</h1><footer>Lab footer</footer><script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "no-such-folder");

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_does_not_parse_is_named_with_the_problem()
    {
        using var dir = new TempDirectory();
        var broken = dir.Write("_findings.liquid", "{% for x in %}");

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir.Path));

        Assert.StartsWith(broken + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_that_exists_nowhere_is_named_with_the_file_that_asks_for_it()
    {
        using var dir = new TempDirectory();
        var main = dir.Write(HtmlReportWriter.TemplateName, "{% include '_nowhere.liquid' %}");

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir.Path));

        Assert.StartsWith(main + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains("'_nowhere.liquid'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("../secret.liquid")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/../../secret")]
    [InlineData("..\\\\secret")]
    public void An_include_that_tries_to_leave_the_folder_is_refused(string name)
    {
        using var outer = new TempDirectory();
        outer.Write("secret.liquid", "SECRET");
        var dir = Path.Combine(outer.Path, "lab");
        Directory.CreateDirectory(dir);
        var main = Path.Combine(dir, HtmlReportWriter.TemplateName);
        File.WriteAllText(main, "{% include '" + name + "' %}");

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir));

        Assert.StartsWith(main + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a plain file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_whose_name_is_computed_is_refused()
    {
        using var dir = new TempDirectory();
        dir.Write(HtmlReportWriter.TemplateName, "{% assign n = '_summary' %}{% include n %}");

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir.Path));

        Assert.Contains("in quotes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_over_one_mebibyte_is_refused_without_reading_it_all()
    {
        using var dir = new TempDirectory();
        var big = dir.Write("_method.liquid", new string('x', (1024 * 1024) + 1));

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir.Path));

        Assert.StartsWith(big + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_is_not_utf8_is_refused()
    {
        using var dir = new TempDirectory();
        var bad = dir.Write("_method.liquid", [0x3C, 0x70, 0xFF, 0xFE, 0x3E]);

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir.Path));

        Assert.Equal(bad + ": not UTF-8 text", error.Message);
    }

    [Fact]
    public void A_link_that_leads_out_of_the_folder_is_refused()
    {
        using var outer = new TempDirectory();
        var secret = outer.Write("outside.txt", "SECRET");
        var dir = Path.Combine(outer.Path, "lab");
        Directory.CreateDirectory(dir);
        var link = Path.Combine(dir, "_method.liquid");
        File.CreateSymbolicLink(link, secret);

        var error = Assert.Throws<TemplateException>(() => new HtmlReportWriter(dir));

        Assert.StartsWith(link + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_partial_that_could_close_its_element_is_refused()
    {
        using var dir = new TempDirectory();
        dir.Write(HtmlReportWriter.ScriptTemplateName, "var x = 1;</script><script>alert(1)");

        var error = await Assert.ThrowsAsync<TemplateException>(() => new HtmlReportWriter(dir.Path).RenderAsync(HtmlSecurityTests.PlantedReport()));

        Assert.Contains(HtmlReportWriter.ScriptTemplateName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_include_loop_is_a_template_error_not_a_crash()
    {
        using var dir = new TempDirectory();
        dir.Write("_summary.liquid", "{% include '_summary.liquid' %}");

        var writer = new HtmlReportWriter(dir.Path);
        var error = await Assert.ThrowsAsync<TemplateException>(() => writer.RenderAsync(HtmlSecurityTests.PlantedReport()));

        Assert.StartsWith(HtmlReportWriter.TemplateName + ":", error.Message, StringComparison.Ordinal);
    }
}

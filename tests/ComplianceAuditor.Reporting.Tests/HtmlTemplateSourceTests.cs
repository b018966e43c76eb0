using System.Text.RegularExpressions;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>The built-in templates are what a lab copies and changes, so they have to stay readable.</summary>
public sealed class HtmlTemplateSourceTests
{
    private static readonly string Templates = Path.Combine(RepositoryPaths.Reports, "templates");

    [Fact]
    public void The_provision_table_template_has_no_line_a_reader_must_scroll_through()
    {
        var lines = File.ReadAllLines(Path.Combine(Templates, "_schemes.liquid"));

        var longest = lines.Select((l, i) => (Length: l.Length, Line: i + 1)).MaxBy(l => l.Length);

        Assert.True(longest.Length <= 240, $"_schemes.liquid line {longest.Line} has {longest.Length} characters");
    }

    [Fact]
    public async Task The_provision_rows_carry_no_whitespace_from_the_template_layout()
    {
        var report = HandReport.With(
            [HandReport.Failure("R1", "fw.bin", "m")],
            [HandReport.Scheme("S", "standard", [HandReport.FailingProvision("5.1-1", "No universal default passwords", "a reason")])]);

        var html = await new HtmlReportWriter().RenderAsync(report);

        var row = Regex.Match(html, "<tr class=\"p-[^\"]*\"><td class=\"mono\">5\\.1-1</td>.*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "the provision row is missing");
        Assert.DoesNotMatch(">\\s+<", row.Value);
        Assert.DoesNotContain("\n", row.Value, StringComparison.Ordinal);
        Assert.Contains("a reason", row.Value, StringComparison.Ordinal);
    }
}

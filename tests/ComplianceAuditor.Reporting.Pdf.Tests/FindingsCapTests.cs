using System.Globalization;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Composition;
using ComplianceAuditor.Reporting.Pdf.Fonts;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>
/// One key copied into thousands of files: the PDF prints the first results of the rule in full and one summary
/// for the rest, says so in Method and limits, and keeps every count exact.
/// </summary>
public sealed class FindingsCapTests : IDisposable
{
    private const string KeyRule = "CRED-KEY-001";
    private const int Copies = 3000;

    private readonly PdfFonts fonts = PdfFontResolver.Resolve(new PdfOptions());
    private readonly ReportStyles styles;

    public FindingsCapTests() => styles = new ReportStyles(fonts);

    [Fact]
    public void Past_25_blocks_a_rule_gets_one_summary_and_the_document_stays_short()
    {
        var report = WithCopies();

        var composed = ReportComposer.Compose(report, styles, PageSetup.A4, NoCharts.Instance);
        var texts = composed.Pages.SelectMany(p => p).OfType<TextOp>().Select(t => t.Text).ToArray();
        var all = string.Join(" ", texts);

        Assert.Equal(FindingsSection.MaxBlocksPerRule, texts.Count(t => t.StartsWith(KeyRule + " Title of rule", StringComparison.Ordinal)));
        Assert.Contains("and 2,975 more artifacts with this finding", all, StringComparison.Ordinal);
        Assert.Contains(Path(FindingsSection.MaxBlocksPerRule), all, StringComparison.Ordinal);
        Assert.DoesNotContain(Path(Copies - 1), all, StringComparison.Ordinal);
        Assert.Contains($"{KeyRule} (2,975 more)", all, StringComparison.Ordinal);
        Assert.Contains(ReportText.Count(Copies + SampleReport.FailCount + 3) + " failed", all, StringComparison.Ordinal);
        Assert.True(composed.Pages.Count < 150, $"{composed.Pages.Count} pages");
    }

    [Fact]
    public void Rules_with_few_results_are_not_summarised()
    {
        var composed = ReportComposer.Compose(SampleReport.Build(), styles, PageSetup.A4, NoCharts.Instance);
        var all = string.Join(" ", composed.Pages.SelectMany(p => p).OfType<TextOp>().Select(t => t.Text));

        Assert.Empty(FindingsSection.Summarised(SampleReport.Build()));
        Assert.DoesNotContain("more artifacts with this finding", all, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        styles.Dispose();
        fonts.Dispose();
    }

    private static string Path(int i) => string.Create(CultureInfo.InvariantCulture, $"firmware.img!/copies/{i:D4}/id_rsa");

    private static AuditReport WithCopies()
    {
        var report = SampleReport.Build();
        var template = report.Results[0];
        var copies = Enumerable.Range(0, Copies).Select(i => template with { RuleId = KeyRule, Artifact = Path(i), Fingerprint = Path(i) });
        var rule = report.Rules[0] with { Id = KeyRule, Title = SampleReport.RuleTitle(KeyRule) };
        return report with { Results = [.. report.Results, .. copies], Rules = [.. report.Rules, rule] };
    }
}

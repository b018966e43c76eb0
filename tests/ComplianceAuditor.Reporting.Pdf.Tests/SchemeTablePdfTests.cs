using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>A scheme with many provisions: its table breaks across pages and repeats the header row on each.</summary>
public sealed class SchemeTablePdfTests
{
    [Fact]
    public void A_long_provision_table_repeats_its_header_on_every_page()
    {
        var report = SampleReport.Build();
        var big = SampleReport.Scheme("big-scheme", "Big scheme", 150);
        report = report with { Schemes = [big] };
        using var folder = new TempDirectory();
        var pdf = folder.Write("big.pdf", RenderedSample.Render(new PdfOptions(), report));

        var pages = Enumerable.Range(1, Poppler.PageCount(pdf)).Select(n => Poppler.PageText(pdf, n)).ToArray();
        var tablePages = pages.Where(p => p.Contains("5.", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(p, @"\b5\.\d+-1\s+Provision \d+")).ToArray();

        Assert.True(tablePages.Length >= 3, $"the table should span several pages, found {tablePages.Length}");
        Assert.All(tablePages, p => Assert.Matches(@"Provision\s+Title\s+Verdict\s+Rests on\s+Reasons", p));
        Assert.Contains(pages, p => p.Contains("5.150-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Provisions_not_assessed_are_listed_with_the_reason()
    {
        var report = SampleReport.Build();
        var scheme = report.Schemes[0];
        var open = new ProvisionEntry
        {
            Id = "9.9-9", Title = "Physical tamper evidence", Status = "mandatory", Assessment = ["lab"], Verdict = "notAssessed",
            Reasons = [], Results = [],
        };
        report = report with { Schemes = [scheme with { Provisions = [.. scheme.Provisions, open] }] };
        using var folder = new TempDirectory();
        var pdf = folder.Write("open.pdf", RenderedSample.Render(new PdfOptions(), report));

        var text = System.Text.RegularExpressions.Regex.Replace(Poppler.Text(pdf), @"\s+", " ");

        Assert.Contains("Not assessed: needs lab.", text, StringComparison.Ordinal);
        Assert.Contains("ETSI EN 303 645 9.9-9 (lab)", text, StringComparison.Ordinal);
    }
}

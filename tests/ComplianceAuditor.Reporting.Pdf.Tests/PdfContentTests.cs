using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

public sealed partial class PdfContentTests(RenderedSample sample) : IClassFixture<RenderedSample>
{
    [Fact]
    public void Output_is_a_pdf()
    {
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(sample.Bytes, 0, 5));
    }

    [Fact]
    public void Writer_names_its_format_and_file()
    {
        var writer = new PdfReportWriter(new PdfOptions());
        Assert.Equal("pdf", writer.Format);
        Assert.Equal("report.pdf", writer.FileName);
    }

    [Fact]
    public void Text_holds_title_schemes_and_every_failing_rule()
    {
        var text = Normalise(Poppler.Text(sample.Path));

        Assert.Contains("Compliance audit report", text, StringComparison.Ordinal);
        Assert.Contains("ETSI EN 303 645", text, StringComparison.Ordinal);
        Assert.Contains("IETF SUIT architecture requirements", text, StringComparison.Ordinal);
        Assert.Contains("2023-11-14T22:13:20Z", text, StringComparison.Ordinal);
        var missing = Enumerable.Range(1, SampleReport.FailCount).Select(SampleReport.RuleId)
            .Append(SampleReport.HostileRuleId)
            .Where(id => !text.Contains(id, StringComparison.Ordinal))
            .ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Containers_are_listed_with_their_status_and_what_would_open_them()
    {
        var text = Normalise(Poppler.Text(sample.Path));

        Assert.Contains("Unpacking", text, StringComparison.Ordinal);
        Assert.Contains("opened (811)", text, StringComparison.Ordinal);
        Assert.Contains("unavailable (0)", text, StringComparison.Ordinal);
        Assert.Contains("ubi_reader) is not installed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_is_shown_escaped_not_obeyed()
    {
        var text = Poppler.Text(sample.Path);

        Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", text, StringComparison.Ordinal);
        Assert.Contains(@"\u202E", Normalise(text).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<script>", text, StringComparison.Ordinal);
        Assert.Contains("offset 0x1F40", Normalise(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_span_pages_and_repeat_the_table_header_on_each()
    {
        var pages = Poppler.PageCount(sample.Path);
        var findingPages = Enumerable.Range(1, pages)
            .Select(n => (Number: n, Text: Poppler.PageText(sample.Path, n)))
            .Where(p => FindingRowPattern().IsMatch(p.Text))
            .ToArray();

        Assert.True(findingPages.Length >= 3, $"findings should cover several pages, found them on {findingPages.Length}");
        Assert.All(findingPages, p => Assert.Matches(FindingsHeaderPattern(), p.Text));
    }

    [Fact]
    public void Last_finding_is_on_a_later_page()
    {
        var last = SampleReport.Build().Results
            .Where(r => r.Outcome == "fail")
            .OrderBy(r => Array.IndexOf(SampleReport.Severities, r.Severity))
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .Last();
        var pages = Poppler.PageCount(sample.Path);

        var row = new Regex(Regex.Escape(last.RuleId) + @"\s+INFO\s+firmware\.img!/rootfs/usr/");
        var page = Enumerable.Range(1, pages).Single(n => row.IsMatch(Poppler.PageText(sample.Path, n)));
        Assert.True(page > 2, $"the last finding ({last.RuleId}) should be several pages in, found it on page {page}");
        Assert.Matches(FindingsHeaderPattern(), Poppler.PageText(sample.Path, page));
    }

    [Fact]
    public void Every_page_has_a_page_n_of_m_footer()
    {
        var pages = Poppler.PageCount(sample.Path);

        Assert.True(pages > 1);
        for (var n = 1; n <= pages; n++)
        {
            Assert.Contains($"page {n} of {pages}", Poppler.PageText(sample.Path, n), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_font_is_embedded()
    {
        var lines = Poppler.Run("pdffonts", sample.Path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var emb = lines[0].IndexOf("emb", StringComparison.Ordinal);
        var fonts = lines.Skip(2).ToArray();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Equal("yes", f.Substring(emb, 3)));
    }

    [Fact]
    public void Metadata_names_the_tool_and_uses_the_report_time()
    {
        var info = Poppler.Run("pdfinfo", "-isodates", sample.Path);

        Assert.Matches(@"Title:\s+Compliance audit report", info);
        Assert.Matches(@"Author:\s+compliance-auditor 0\.1\.0", info);
        Assert.Matches(@"Creator:\s+compliance-auditor 0\.1\.0", info);
        Assert.Matches(@"Producer:\s+compliance-auditor 0\.1\.0", info);
        Assert.Matches(@"Subject:\s+Security compliance audit of router-fw-2\.4\.1\.img, router-src", info);
        Assert.Matches(@"CreationDate:\s+2023-11-14T22:13:20(Z|\+00)\s", info);
        Assert.Matches(@"ModDate:\s+2023-11-14T22:13:20(Z|\+00)\s", info);
        Assert.Matches(@"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
    }

    private static string Normalise(string text) => WhitespacePattern().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    /// <summary>A findings row: rule id, then severity (provision reasons also name rule ids, but never so).</summary>
    [GeneratedRegex(@"FW-\d{3}\s+(CRITICAL|HIGH|MEDIUM|LOW|INFO)\s")]
    private static partial Regex FindingRowPattern();

    [GeneratedRegex(@"Rule\s+Severity\s+Artifact\s+Message\s+Evidence")]
    private static partial Regex FindingsHeaderPattern();
}

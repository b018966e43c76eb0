using System.Text;
using System.Text.RegularExpressions;
using ComplianceAuditor.Tests.Shared;

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

        Assert.Contains("Containers", text, StringComparison.Ordinal);
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
        Assert.Contains(@"\u0007", Normalise(text).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<script>", text, StringComparison.Ordinal);
        Assert.Contains("offset 0x1F40", Normalise(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_finding_is_one_block_on_one_page_with_why_and_what_to_do()
    {
        var pages = Poppler.PageCount(sample.Path);
        var texts = Enumerable.Range(1, pages).Select(n => Normalise(Poppler.PageText(sample.Path, n))).ToArray();
        var report = SampleReport.Build();

        foreach (var finding in report.Results.Where(r => r.Outcome is "fail" or "inconclusive"))
        {
            // The block opens with "<rule id> <rule title>"; the same page must hold the rest of it.
            var title = $"{finding.RuleId} {SampleReport.RuleTitle(finding.RuleId)}";
            var page = Array.FindIndex(texts, t => t.Contains(title, StringComparison.Ordinal));
            Assert.True(page >= 0, $"no block for {finding.RuleId}");
            var rest = texts[page][texts[page].IndexOf(title, StringComparison.Ordinal)..];
            Assert.Contains("Why it matters", rest, StringComparison.Ordinal);
            Assert.Contains("What to do", rest, StringComparison.Ordinal);
            Assert.Contains(SampleReport.Remediation(finding.RuleId), rest, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_but_the_cover_has_a_running_header_and_a_page_n_of_m_footer()
    {
        var pages = Poppler.PageCount(sample.Path);

        Assert.True(pages > 5);
        Assert.DoesNotContain("Page 1 of", Poppler.PageText(sample.Path, 1), StringComparison.Ordinal);
        for (var n = 2; n <= pages; n++)
        {
            var text = Poppler.PageText(sample.Path, n);
            Assert.Contains($"Page {n} of {pages}", text, StringComparison.Ordinal);
            Assert.Matches(@"^\s*Compliance audit report\s+router-fw-2\.4\.1\.img, router-src", text);
        }
    }

    [Fact]
    public void The_five_findings_to_fix_first_leave_out_waived_ones()
    {
        var text = Normalise(Poppler.Text(sample.Path));
        var start = text.IndexOf("Most important findings", StringComparison.Ordinal);
        var top = text[start..text.IndexOf("(full title), version", start, StringComparison.Ordinal)];

        // Critical first, by rule id: FW-005 ... FW-025; the waived critical FW-000 and the critical WEB-XSS-001 (sixth) are not there.
        var expected = Enumerable.Range(1, 5).Select(i => SampleReport.RuleId(i * 5)).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Contains($"{i + 1}. {expected[i]} (CRITICAL): {SampleReport.RuleTitle(expected[i])}", top, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(SampleReport.WaivedRuleId, top, StringComparison.Ordinal);
        Assert.Contains("What to do: " + SampleReport.Remediation(expected[0]), top, StringComparison.Ordinal);
    }

    [Fact]
    public void A_waived_finding_keeps_its_block_and_is_marked()
    {
        var text = Normalise(Poppler.Text(sample.Path));

        Assert.Contains($"{SampleReport.WaivedRuleId} {SampleReport.RuleTitle(SampleReport.WaivedRuleId)}", text, StringComparison.Ordinal);
        Assert.Contains("WAIVED: until 2030-01-01, approved by Q. Approver: accepted for the lab build only", text, StringComparison.Ordinal);
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
        Assert.Matches(@"Keywords:\s+security compliance, IoT, firmware, ETSI EN 303 645, IETF SUIT architecture requirements", info);
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

}

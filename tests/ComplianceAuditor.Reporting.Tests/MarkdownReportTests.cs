using System.Text;
using System.Text.RegularExpressions;
using ComplianceAuditor.Reporting.Markdown;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Reporting.Tests;

public sealed class MarkdownReportTests
{
    private static readonly string Vulnerable = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");

    [Fact]
    public async Task Summary_of_the_vulnerable_example_names_every_failing_rule_and_every_scheme()
    {
        var report = await SampleAudit.RunAsync(Vulnerable);

        var md = await SampleAudit.RenderAsync(new MarkdownReportWriter(), report);

        var failing = report.Results.Where(r => r.Outcome == "fail").Select(r => r.RuleId).Distinct().ToArray();
        Assert.NotEmpty(failing);
        foreach (var ruleId in failing)
        {
            Assert.Contains($" | {ruleId} | ", md, StringComparison.Ordinal);
        }

        foreach (var scheme in report.Schemes)
        {
            Assert.Contains($"| {scheme.ShortTitle} | {scheme.Rating.Label} |", md, StringComparison.Ordinal);
        }

        Assert.StartsWith("## ComplianceAuditor 0.0.0-test: vulnerable-rootfs (rootfs, sha256 ", md, StringComparison.Ordinal);
        Assert.Contains("_AU star model (ours) is ComplianceAuditor's own rating model", md, StringComparison.Ordinal);
        Assert.Contains("<details><summary>ETSI EN 303 645: ", md, StringComparison.Ordinal);
        Assert.DoesNotContain(" more findings in", md, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', md);
    }

    [Fact]
    public async Task Same_report_gives_byte_identical_markdown()
    {
        var first = await Bytes(await SampleAudit.RunAsync(Vulnerable));
        var second = await Bytes(await SampleAudit.RunAsync(Vulnerable));

        Assert.Equal(first, second);
        Assert.False(first.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
    }

    [Fact]
    public async Task Firmware_strings_cannot_add_markup_break_the_table_or_reorder_text()
    {
        var artifact = "fw.bin!/www/<script>alert(1)</script>|x\ny\u202Egnp.exe";
        var message = "Password [click](https://evil.example) `code` *bold* _em_ #1 ~~gone~~ $x$ &#8238; a|b\r\nnext";
        var scheme = HandReport.Scheme(
            "Lab <img src=x onerror=alert(1)>",
            "standard",
            [HandReport.FailingProvision("1.1|x", "Title <b>bold</b>", "reason\nwith | break \u202E")]);
        var report = HandReport.With([HandReport.Failure("R1", artifact, message)], [scheme]) with { Notes = ["fw.bin: <b>not opened</b>\n# heading"] };

        var md = await SampleAudit.RenderAsync(new MarkdownReportWriter(), report);

        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("&#8238;", md, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", md, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', md);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|x y\\\\u202Egnp.exe", md, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Lab &lt;img src=x onerror=alert(1)&gt;: 1 failing provision(s)</summary>", md, StringComparison.Ordinal);

        // Each table row stays one line with its own cell separators only: 5 unescaped pipes for 4 cells, 4 for 3.
        var finding = Assert.Single(md.Split('\n'), l => l.Contains("| R1 |", StringComparison.Ordinal));
        Assert.Equal(5, UnescapedPipes(finding));
        Assert.Contains("\\[click\\](https://evil.example) \\`code\\` \\*bold\\* \\_em\\_ \\#1 \\~\\~gone\\~\\~ \\$x\\$ &amp;\\#8238; a\\|b next |", finding, StringComparison.Ordinal);
        var provision = Assert.Single(md.Split('\n'), l => l.StartsWith("| 1.1", StringComparison.Ordinal));
        Assert.Equal(4, UnescapedPipes(provision));
        Assert.Contains("| reason with \\| break \\\\u202E |", provision, StringComparison.Ordinal);
        Assert.DoesNotContain("second reason", md, StringComparison.Ordinal);
        Assert.Contains("\n- fw.bin: &lt;b&gt;not opened&lt;/b&gt; \\# heading\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_cells_are_cut()
    {
        var report = HandReport.With([HandReport.Failure("R1", "fw.bin!/" + new string('a', 5000), new string('m', 5000))]);

        var md = await SampleAudit.RenderAsync(new MarkdownReportWriter(), report);

        var row = Assert.Single(md.Split('\n'), l => l.Contains("| R1 |", StringComparison.Ordinal));
        Assert.InRange(row.Length, 100, 700);
        Assert.Contains("a… | mmm", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_thousand_findings_stay_under_the_cap_and_say_how_many_were_left_out()
    {
        // Names full of characters that escaping lengthens, so the cap is tested on the longest rows a cell allows.
        var results = Enumerable.Range(0, 5000)
            .Select(i => HandReport.Failure($"R{i:D4}", $"fw.bin!/{i:D4}/" + new string('<', 290), new string('|', 300)))
            .ToArray();
        var provisions = Enumerable.Range(0, 2000).Select(i => HandReport.FailingProvision($"P{i}", new string('&', 160), new string('_', 300))).ToArray();
        var report = HandReport.With(results, [HandReport.Scheme("Big", "standard", provisions)]);

        var md = await SampleAudit.RenderAsync(new MarkdownReportWriter(), report);

        Assert.InRange(md.Length, 50_000, MarkdownReportWriter.MaxLength);
        var shown = md.Split('\n').Count(l => Regex.IsMatch(l, @"^\| high \| R\d{4} \|"));
        Assert.InRange(shown, 1, 4999);
        Assert.Contains($"\n… {5000 - shown} more findings in report.json / report.html\n", md, StringComparison.Ordinal);

        var shownProvisions = md.Split('\n').Count(l => Regex.IsMatch(l, @"^\| P\d+ \|"));
        Assert.InRange(shownProvisions, 1, 1999);
        Assert.Contains($"\n… {2000 - shownProvisions} more failing provisions in report.json / report.html\n", md, StringComparison.Ordinal);
        // The collapsed block is closed before the count, so the rest of the comment is not swallowed by it.
        Assert.Equal(Regex.Count(md, "<details>"), Regex.Count(md, "</details>"));
    }

    [Fact]
    public async Task Waived_and_expired_waiver_findings_are_marked_and_the_waivers_summarised()
    {
        var applied = new WaiverEntry { Applied = true, Justification = "read-only", Approver = "J. Doe", Expires = "2026-06-30", Location = "w.yaml:7:5" };
        var expired = new WaiverEntry { Applied = false, Justification = "trial", Approver = "J. Doe", Expires = "2025-11-30", Location = "w.yaml:12:5" };
        var report = HandReport.With([HandReport.Failure("R1", "fw.bin!/a", "m"), HandReport.Failure("R2", "fw.bin!/b", "m", applied), HandReport.Failure("R3", "fw.bin!/c", "m", expired)]) with
        {
            Waivers = new WaiversEntry { Source = "w.yaml", Sha256 = new string('c', 64), Waivers = 3, Applied = 1, Expired = 1, Unused = ["w.yaml:20:5: R9 on fw.bin!/gone"] },
            Declaration = new DeclarationEntry
            {
                Source = "decl.yaml",
                Sha256 = new string('d', 64),
                Facts = [],
                Answers = 2,
                Conflicts = [new ConflictEntry("noDebug", "true", "telnetd is started at boot", [])],
            },
        };

        var md = await SampleAudit.RenderAsync(new MarkdownReportWriter(), report);

        Assert.Contains("| high | R1 |", md, StringComparison.Ordinal);
        Assert.Contains("| high, **waived until 2026-06-30** | R2 |", md, StringComparison.Ordinal);
        Assert.Contains("| high, **waiver expired 2025-11-30** | R3 |", md, StringComparison.Ordinal);
        Assert.Contains("### Findings: 3 failed, 1 of them waived", md, StringComparison.Ordinal);
        Assert.Contains("- **Waived failures** (accepted by a waiver in force): 1", md, StringComparison.Ordinal);
        Assert.Contains("- **Declaration:** decl.yaml (sha256 " + new string('d', 64) + ")", md, StringComparison.Ordinal);
        Assert.Contains("  - Conflict: noDebug declared true: telnetd is started at boot", md, StringComparison.Ordinal);
        Assert.Contains("1 failure(s) waived, 1 failure(s) under an expired waiver", md, StringComparison.Ordinal);
        Assert.Contains("  - Unused: w.yaml:20:5: R9 on fw.bin!/gone", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rating_model_of_our_own_says_so_and_levels_read_as_n_of_m()
    {
        var report = HandReport.With([], [HandReport.Scheme("Stars (ours)", "model", [])]);

        var md = await SampleAudit.RenderAsync(new MarkdownReportWriter(), report);

        Assert.Contains("| Stars (ours) | 0 STARS | level 0 of 5 | 12.3 % | **failed** |", md, StringComparison.Ordinal);
        Assert.Contains("- _Stars (ours) is ComplianceAuditor's own rating model, not an official scheme or label._", md, StringComparison.Ordinal);
        Assert.Contains("No rule failed.", md, StringComparison.Ordinal);
        Assert.Contains("No provision fails.", md, StringComparison.Ordinal);
    }

    private static async Task<byte[]> Bytes(AuditReport report)
    {
        using var stream = new MemoryStream();
        await new MarkdownReportWriter().WriteAsync(report, stream, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>Pipes that GitHub reads as cell separators: those not escaped by a backslash (which may itself be escaped).</summary>
    private static int UnescapedPipes(string line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '|')
            {
                count++;
            }
        }

        return count;
    }
}

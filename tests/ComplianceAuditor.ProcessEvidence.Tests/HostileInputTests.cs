using ComplianceAuditor.ProcessEvidence.Advisories;
using ComplianceAuditor.ProcessEvidence.Ci;
using ComplianceAuditor.ProcessEvidence.Disclosure;
using ComplianceAuditor.ProcessEvidence.Documentation;
using ComplianceAuditor.ProcessEvidence.Sbom;
using ComplianceAuditor.ProcessEvidence.Support;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class HostileInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A view whose reads fail or record the requested limit, to check bounds and error handling.</summary>
    private sealed class RecordingFiles(bool fail) : IRepositoryFiles
    {
        public List<int> Limits { get; } = [];

        public IEnumerable<string> Paths =>
            ["/.well-known/security.txt", "/SECURITY.md", "/README.md", "/bom.json", "/.github/workflows/ci.yml", "/CODEOWNERS", "/CHANGELOG.md", "/fuzz/fuzz_x.c"];

        public string? ReadText(string path, int maxBytes)
        {
            Limits.Add(maxBytes);
            return fail ? throw new IOException("disk gone") : "Contact: mailto:a@example.com\n";
        }
    }

    [Fact]
    public void Failing_reads_yield_absent_results_instead_of_exceptions()
    {
        var files = new RecordingFiles(fail: true);

        Assert.Null(SecurityTxt.Find(files, Now));
        Assert.False(SecurityPolicy.Read(files).Exists);
        Assert.Equal(SupportPeriodStatus.Absent, SupportPeriod.Find(files, Now).Status);
        Assert.Empty(CiPractices.Find(files).Findings);
        Assert.Empty(SbomFiles.Find(files).Findings);
        Assert.Empty(SecurityAdvisories.Find(files).Entries);
        Assert.Empty(UserDocumentation.Find(files).Findings);
    }

    [Fact]
    public void Every_read_is_capped_at_one_mebibyte()
    {
        var files = new RecordingFiles(fail: false);

        _ = SecurityTxt.Find(files, Now);
        _ = SecurityPolicy.Read(files);
        _ = SupportPeriod.Find(files, Now);
        _ = CiPractices.Find(files);
        _ = SbomFiles.Find(files);
        _ = SecurityAdvisories.Find(files);
        _ = UserDocumentation.Find(files);

        Assert.NotEmpty(files.Limits);
        Assert.All(files.Limits, l => Assert.Equal(1024 * 1024, l));
    }

    [Fact]
    public void In_memory_view_truncates_at_the_byte_limit()
    {
        var files = new InMemoryRepositoryFiles().Add("a.txt", new string('x', 100));

        Assert.Equal(10, files.ReadText("/a.txt", 10)?.Length);
        Assert.Null(files.ReadText("/missing", 10));
    }

    [Fact]
    public void Deeply_nested_or_truncated_json_is_rejected_not_thrown()
    {
        var deep = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 10_000)) + "1" + string.Concat(Enumerable.Repeat("]", 10_000)) + "}";
        var files = new InMemoryRepositoryFiles().Add("/bom.json", deep).Add("/x.cdx.json", "{\"bomFormat\": \"CycloneDX\"");

        var report = SbomFiles.Find(files);

        Assert.Empty(report.Findings);
        Assert.Equal(2, report.RejectedCandidates.Count);
    }

    [Fact]
    public void Huge_lines_and_binary_noise_finish_and_keep_excerpts_short()
    {
        var noise = new string((char)0, 1000) + "\u00ff\ufffd";
        var longLine = "Contact: mailto:" + new string('a', 400_000) + "@example.com";
        var policy = "Please report to " + new string('b', 300_000) + "@example.com within 3 days of the fix\n";
        var files = new InMemoryRepositoryFiles()
            .Add("/security.txt", noise + "\n" + longLine + "\nExpires: 2027-01-01T00:00:00Z\n")
            .Add("/SECURITY.md", policy)
            .Add("/.github/workflows/a.yml", new string('(', 500_000) + " codeql " + new string(')', 500_000));

        var txt = SecurityTxt.Find(files, Now);
        var pol = SecurityPolicy.Read(files);
        var ci = CiPractices.Find(files);

        Assert.NotNull(txt);
        Assert.Single(txt.Contacts);
        Assert.All(pol.Contacts, c => Assert.True(c.Excerpt.Length <= 160));
        Assert.True(Assert.Single(ci.Findings).Evidence.Excerpt.Length <= 160);
    }

    [Fact]
    public void Many_expires_fields_are_bounded()
    {
        var text = "Contact: mailto:a@example.com\n" + string.Concat(Enumerable.Repeat("Expires: 2027-01-01T00:00:00Z\n", 5000));

        var doc = SecurityTxt.Parse(text, Now);

        Assert.True(doc.Fields.Count <= 1000);
        Assert.Contains(doc.Problems, p => p.Kind == SecurityTxtProblemKind.DuplicateExpires);
    }
}

using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class DirectoryRepositoryFilesTests
{
    [Fact]
    public void Lists_rooted_sorted_paths_and_skips_the_git_folder()
    {
        using var dir = new TempDirectory();
        dir.Write("SECURITY.md", "x");
        dir.Write(".github/workflows/ci.yml", "y");
        dir.Write(".git/config", "z");

        var files = new DirectoryRepositoryFiles(dir.Path);

        Assert.Equal(["/.github/workflows/ci.yml", "/SECURITY.md"], files.Paths);
    }

    [Fact]
    public void Reads_are_bounded_and_cannot_escape_the_root()
    {
        using var dir = new TempDirectory();
        dir.Write("inner/README.md", new string('a', 5000));
        dir.Write("outside.txt", "secret");
        var files = new DirectoryRepositoryFiles(Path.Combine(dir.Path, "inner"));

        Assert.Equal(100, files.ReadText("/README.md", 100)?.Length);
        Assert.Null(files.ReadText("/../outside.txt", 100));
        Assert.Null(files.ReadText("/missing.md", 100));
        Assert.Null(files.ReadText("README.md", 100));
    }

    [Fact]
    public void Symbolic_links_are_neither_listed_nor_read()
    {
        using var dir = new TempDirectory();
        var secret = dir.Write("outside/secret.txt", "secret");
        dir.Write("repo/README.md", "readme");
        var repo = Path.Combine(dir.Path, "repo");
        File.CreateSymbolicLink(Path.Combine(repo, "SECURITY.md"), secret);
        Directory.CreateSymbolicLink(Path.Combine(repo, "docs"), Path.Combine(dir.Path, "outside"));

        var files = new DirectoryRepositoryFiles(repo);

        Assert.Equal(["/README.md"], files.Paths);
        Assert.Null(files.ReadText("/SECURITY.md", 100));
        Assert.Null(files.ReadText("/docs/secret.txt", 100));
    }

    [Fact]
    public void Missing_root_lists_nothing()
    {
        using var dir = new TempDirectory();

        var files = new DirectoryRepositoryFiles(Path.Combine(dir.Path, "nope"));

        Assert.Empty(files.Paths);
        Assert.Null(files.ReadText("/README.md", 100));
    }

    [Fact]
    public void Full_scan_over_a_working_tree_finds_every_kind_of_evidence()
    {
        using var dir = new TempDirectory();
        dir.Write(".well-known/security.txt", "Contact: mailto:psirt@example.com\nExpires: 2027-05-01T00:00:00Z\n");
        dir.Write("SECURITY.md", "Report to psirt@example.com; we respond within 3 days.\n");
        dir.Write("SUPPORT.md", "Security updates until 2031-12-31.\n");
        dir.Write("sbom/fw.cdx.json", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"}");
        dir.Write(".github/workflows/ci.yml", "- uses: github/codeql-action/analyze@v3\n");
        dir.Write("scripts/release.sh", "#!/bin/sh\nimgtool sign --key keys/root.pem build/app.bin app.signed.bin\n");

        var report = ProcessEvidenceReport.Scan(new DirectoryRepositoryFiles(dir.Path), new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));

        Assert.True(report.SecurityTxt?.IsValid);
        Assert.True(report.SecurityPolicy.HasContact && report.SecurityPolicy.HasTimelines);
        Assert.Equal(Support.SupportPeriodStatus.Current, report.SupportPeriod.Status);
        Assert.True(report.Sbom.HasSbomFile);
        Assert.True(report.Practices.Has(Ci.CiPractice.StaticAnalysis));
        var signing = Assert.Single(report.Practices.Of(Ci.CiPractice.ReleaseSigning));
        Assert.Equal(("/scripts/release.sh", 2), (signing.Evidence.Path, signing.Evidence.Line));
    }

    [Fact]
    public void Full_scan_over_an_empty_tree_finds_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("src/main.c", "int main(void) { return 0; }\n");

        var report = ProcessEvidenceReport.Scan(new DirectoryRepositoryFiles(dir.Path), DateTimeOffset.UnixEpoch);

        Assert.Null(report.SecurityTxt);
        Assert.False(report.SecurityPolicy.Exists);
        Assert.Equal(Support.SupportPeriodStatus.Absent, report.SupportPeriod.Status);
        Assert.Empty(report.Sbom.Findings);
        Assert.Empty(report.Practices.Findings);
    }
}

using ComplianceAuditor.ProcessEvidence.Ci;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class CorpusTests
{
    [SharedFact("corpus/esptool")]
    public void Esptool_signing_commands_in_documentation_are_recognised_but_not_counted_as_ci()
    {
        var files = new DirectoryRepositoryFiles(Path.Combine(RepositoryPaths.Shared, "corpus", "esptool"));
        var readme = files.ReadText("/test/secure_images/README.md", 1024 * 1024);
        Assert.NotNull(readme);

        // The commands themselves match the signing patterns, with the key file noticed...
        var direct = CiPractices.ScanCi("/test/secure_images/README.md", readme);
        Assert.NotEmpty(direct);
        Assert.All(direct, f => Assert.Equal((CiPractice.ReleaseSigning, "espsecure", SigningKeySource.File), (f.Practice, f.Tool, f.KeySource)));

        // ...but a README is neither CI nor a release script, and the tree has no other process evidence.
        var report = ProcessEvidenceReport.Scan(files, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Empty(report.Practices.Findings);
        Assert.False(report.SecurityPolicy.Exists);
        Assert.Null(report.SecurityTxt);
        Assert.Equal(Support.SupportPeriodStatus.Absent, report.SupportPeriod.Status);
        Assert.Empty(report.Sbom.Findings);
    }
}

using ComplianceAuditor.ProcessEvidence.Ci;

namespace ComplianceAuditor.ProcessEvidence.Tests;

public sealed class CiPracticesTests
{
    [Fact]
    public void Codeql_and_cosign_workflow_gives_static_analysis_and_signing_with_lines()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/.github/workflows/codeql.yml", "name: CodeQL\njobs:\n  analyze:\n    steps:\n      - uses: github/codeql-action/init@v3\n")
            .Add("/.github/workflows/release.yml", "jobs:\n  release:\n    steps:\n      - run: cosign sign-blob --yes dist/fw.bin\n");

        var report = CiPractices.Find(files);

        var analysis = report.Of(CiPractice.StaticAnalysis);
        Assert.Equal([("/.github/workflows/codeql.yml", 1), ("/.github/workflows/codeql.yml", 5)],
            analysis.Select(f => (f.Evidence.Path, f.Evidence.Line)));
        Assert.All(analysis, f => Assert.Equal("codeql", f.Tool));
        var signing = Assert.Single(report.Of(CiPractice.ReleaseSigning));
        Assert.Equal(("cosign", 4), (signing.Tool, signing.Evidence.Line));
        Assert.False(report.Has(CiPractice.Fuzzing));
    }

    [Fact]
    public void Repository_without_ci_has_no_practices()
    {
        var files = new InMemoryRepositoryFiles().Add("/README.md", "We use codeql and cosign sign.\n").Add("/src/x.c", "int main;");

        Assert.Empty(CiPractices.Find(files).Findings);
    }

    [Theory]
    [InlineData("gpg --batch --detach-sign --armor fw.tar", "gpg")]
    [InlineData("imgtool sign --key root.pem in.bin out.bin", "imgtool")]
    [InlineData("espsecure.py sign_data --version 2 --keyfile k.pem fw.bin", "espsecure")]
    [InlineData("avbtool add_hash_footer --image boot.img --key rsa4096.pem", "avbtool")]
    [InlineData("mkimage -f fit.its -k keys -r image.fit", "mkimage")]
    [InlineData("rauc bundle --cert c.pem --key k.pem dir out.raucb", "rauc")]
    [InlineData("swugenerator -k RSA,key.pem sign -o out.swu", "swugenerator")]
    [InlineData("openssl dgst -sha256 -sign key.pem -out fw.sig fw.bin", "openssl")]
    public void Signing_tools_are_recognised_in_a_jenkinsfile(string command, string tool)
    {
        var finding = Assert.Single(CiPractices.ScanCi("/Jenkinsfile", "stage('sign') {\n  sh '" + command + "'\n}\n"));

        Assert.Equal((CiPractice.ReleaseSigning, tool, 2), (finding.Practice, finding.Tool, finding.Evidence.Line));
    }

    [Theory]
    [InlineData("cosign sign-blob --key awskms:///alias/release fw.bin", SigningKeySource.HardwareOrKms)]
    [InlineData("rauc bundle --cert c.pem --key 'pkcs11:token=rel;object=key' d o.raucb", SigningKeySource.HardwareOrKms)]
    [InlineData("imgtool sign --key keys/root-rsa-2048.pem in.bin out.bin", SigningKeySource.File)]
    [InlineData("cosign sign --yes ghcr.io/acme/fw@sha256:abc", SigningKeySource.Unknown)]
    public void Signing_key_source_is_classified(string command, SigningKeySource expected)
    {
        var finding = Assert.Single(CiPractices.ScanCi("/.gitlab-ci.yml", "release:\n  script:\n    - " + command + "\n"));

        Assert.Equal(expected, finding.KeySource);
    }

    [Fact]
    public void Gpg_without_signing_is_not_release_signing()
    {
        Assert.Empty(CiPractices.ScanCi("/.gitlab-ci.yml", "verify:\n  script:\n    - gpg --verify fw.sig fw.bin\n"));
    }

    [Fact]
    public void Fuzzing_bots_and_codeowners_are_found()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/azure-pipelines.yml", "steps:\n- script: clang -fsanitize=fuzzer fuzz.c\n")
            .Add("/.github/workflows/cifuzz.yml", "# comment mentioning afl\n- uses: google/oss-fuzz/infra/cifuzz/actions/build_fuzzers@master\n")
            .Add("/.github/dependabot.yml", "version: 2\n")
            .Add("/renovate.json", "{}")
            .Add("/.github/CODEOWNERS", "# owners\n\n* @acme/firmware\n");

        var report = CiPractices.Find(files);

        Assert.Equal([("/.github/workflows/cifuzz.yml", 2), ("/azure-pipelines.yml", 2)],
            report.Of(CiPractice.Fuzzing).Select(f => (f.Evidence.Path, f.Evidence.Line)));
        Assert.Equal(["dependabot", "renovate"], report.Of(CiPractice.DependencyUpdates).Select(f => f.Tool));
        Assert.Equal(3, Assert.Single(report.Of(CiPractice.CodeOwners)).Evidence.Line);
    }

    [Fact]
    public void Dependency_scanning_and_threat_model_documents_are_found()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/.github/workflows/deps.yml", "steps:\n  - uses: actions/dependency-review-action@v4\n  - run: osv-scanner -r .\n")
            .Add("/docs/Threat_Model.md", "# STRIDE\n")
            .Add("/docs/architecture.md", "threat model lives elsewhere\n");

        var report = CiPractices.Find(files);

        Assert.Equal(["dependency-review-action", "osv-scanner"], report.Of(CiPractice.DependencyScanning).Select(f => f.Tool));
        Assert.Equal("/docs/Threat_Model.md", Assert.Single(report.Of(CiPractice.ThreatModel)).Evidence.Path);
    }

    [Fact]
    public void Signing_in_a_release_script_counts_but_its_static_analysis_does_not()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("/scripts/make-release.sh", "cppcheck src\nrauc bundle --cert c.pem --key pkcs11:token=rel out.raucb\n")
            .Add("/src/sign.c", "/* imgtool sign is not run from C */\n");

        var finding = Assert.Single(CiPractices.Find(files).Findings);

        Assert.Equal((CiPractice.ReleaseSigning, "rauc", "/scripts/make-release.sh", 2),
            (finding.Practice, finding.Tool, finding.Evidence.Path, finding.Evidence.Line));
    }

    [Fact]
    public void Codeowners_with_only_comments_does_not_count()
    {
        var files = new InMemoryRepositoryFiles().Add("/CODEOWNERS", "# nobody yet\n");

        Assert.False(CiPractices.Find(files).Has(CiPractice.CodeOwners));
    }
}

using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>CMP3006 (support period), CMP3007 (SBOM) and CMP3008 (dependency scanning).</summary>
public sealed class SupportAndSbomRuleTests
{
    [Fact]
    public async Task A_future_end_date_passes_CMP3006()
    {
        using var repo = new RepoFixture().With("SUPPORT.md", "# Support\n\nSecurity updates are provided until 2030-12-31.\n");

        var result = await repo.JudgeAsync("CMP3006");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Equal("security support is stated to last until 2030-12-31 (SUPPORT.md:3)", result.Reason);
        Assert.Equal(3, Assert.Single(result.Evidence).Line);
    }

    [Fact]
    public async Task A_period_that_ended_before_the_audit_fails_CMP3006()
    {
        using var repo = new RepoFixture().With("README.md", "# Gadget\n\nThis model is supported until 31 December 2025.\n");

        var result = await repo.JudgeAsync("CMP3006");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("the stated support period ended on 2025-12-31 (README.md:3), before the audit date 2026-06-01", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifetime_wording_fails_CMP3006_as_open_ended()
    {
        using var repo = new RepoFixture().With("README.md", "# Gadget\n\nWe offer lifetime support for every device we sell.\n");

        var result = await repo.JudgeAsync("CMP3006");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("without an end date (open-ended wording at README.md:3)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_statement_fails_CMP3006()
    {
        using var repo = new RepoFixture().With("README.md", "# Gadget\n\nBuild with make.\n");

        var result = await repo.JudgeAsync("CMP3006");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal("no README, SECURITY, SUPPORT or lifecycle document states a security support period", result.Reason);
    }

    [Fact]
    public async Task A_committed_CycloneDX_document_passes_CMP3007()
    {
        using var repo = new RepoFixture().With("sbom/fw.cdx.json", "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.6\"\n}\n");

        var result = await repo.JudgeAsync("CMP3007");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Equal("SBOM evidence: CycloneDX 1.6 JSON at sbom/fw.cdx.json:2", result.Reason);
    }

    [Fact]
    public async Task Generating_an_SBOM_in_CI_passes_CMP3007()
    {
        using var repo = new RepoFixture().With(".github/workflows/release.yml", "jobs:\n  sbom:\n    steps:\n      - uses: anchore/sbom-action@v0\n");

        var result = await repo.JudgeAsync("CMP3007");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains(".github/workflows/release.yml:4", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_named_like_an_SBOM_that_is_not_one_fails_CMP3007_naming_it()
    {
        using var repo = new RepoFixture().With("bom.json", "{\"name\": \"not a bill of materials\"}");

        var result = await repo.JudgeAsync("CMP3007");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("no SBOM: bom.json is named like an SBOM but not a CycloneDX or SPDX document", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("/bom.json", Assert.Single(result.Evidence).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dependabot_or_a_scanner_in_CI_passes_CMP3008_and_neither_fails()
    {
        using var bot = new RepoFixture().With(".github/dependabot.yml", "version: 2\n");
        using var scanner = new RepoFixture().With(".gitlab-ci.yml", "scan:\n  script:\n    - osv-scanner -r .\n");
        using var none = new RepoFixture().With("README.md", "We should run osv-scanner one day.\n");

        var viaBot = await bot.JudgeAsync("CMP3008");
        var viaScanner = await scanner.JudgeAsync("CMP3008");
        var missing = await none.JudgeAsync("CMP3008");

        Assert.Equal((Outcome.Pass, "found dependabot (.github/dependabot.yml)"), (viaBot.Outcome, viaBot.Reason));
        Assert.Equal((Outcome.Pass, "found osv-scanner (.gitlab-ci.yml:3)"), (viaScanner.Outcome, viaScanner.Reason));
        Assert.Equal(Outcome.Fail, missing.Outcome);
    }
}

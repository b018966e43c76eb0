using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>Every repository rule run together, as an audit runs them, on a well-kept repository and on a bare one.</summary>
public sealed class WholeRepositoryTests
{
    private static readonly string[] RuleIds =
    [
        "CMP3001", "CMP3002", "CMP3003", "CMP3004", "CMP3005", "CMP3006", "CMP3007", "CMP3008", "CMP3009",
        "CMP3010", "CMP3011", "CMP3012", "CMP3013", "CMP3014", "CMP3015", "CMP3016", "CMP3017", "CMP3018",
    ];

    [Fact]
    public async Task A_well_kept_repository_passes_every_process_rule()
    {
        using var repo = new RepoFixture()
            .With("SECURITY.md", "# Security\n\nReport to psirt@example.com.\nWe acknowledge reports within 2 business days.\nWe send status updates every 7 days.\n")
            .With(".well-known/security.txt", "Contact: mailto:psirt@example.com\nExpires: 2026-12-31T00:00:00Z\n")
            .With("SUPPORT.md", "Model A receives security updates until 2031-06-30.\n")
            .With("sbom/firmware.spdx.json", "{\"spdxVersion\": \"SPDX-2.3\"}")
            .With(".github/dependabot.yml", "version: 2\n")
            .With(".github/CODEOWNERS", "* @acme/firmware\n")
            .With(".github/workflows/ci.yml", "steps:\n  - uses: github/codeql-action/analyze@v3\n")
            .With(".github/workflows/release.yml", "steps:\n  - run: cosign sign-blob --key gcpkms://projects/acme/keys/release fw.bin\n")
            .With("fuzz/fuzz_manifest.c", "int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return 0; }\n")
            .With("docs/threat-model.md", "# Threat model\n")
            .With("CHANGELOG.md", "## [1.1.0] - 2026-04-01\n### Security\n- Fix CVE-2026-4242 in the update client.\n")
            .With("docs/manual.md", "## Firmware updates\n\n## Secure setup\n\n## Factory reset\n");

        var results = await repo.JudgeAllAsync(RuleIds);

        Assert.Equal(RuleIds, results.Keys.Order(StringComparer.Ordinal));
        Assert.All(results.Values, r => Assert.True(r.Outcome == Outcome.Pass, $"{r.RuleId}: {r.Outcome} ({r.Reason})"));
    }

    [Fact]
    public async Task A_bare_repository_fails_what_it_lacks_and_is_not_judged_on_what_it_does_not_have()
    {
        using var repo = new RepoFixture().With("src/main.c", "int main(void) { return 0; }\n");

        var results = await repo.JudgeAllAsync(RuleIds);

        var notApplicable = results.Values.Where(r => r.Outcome == Outcome.NotApplicable).Select(r => r.RuleId).Order(StringComparer.Ordinal);
        Assert.Equal(["CMP3004", "CMP3005", "CMP3014"], notApplicable);
        Assert.All(results.Values.Where(r => r.Outcome != Outcome.NotApplicable), r => Assert.Equal(Outcome.Fail, r.Outcome));
        Assert.All(results.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason), r.RuleId));
    }

    [Fact]
    public async Task The_rules_are_not_applicable_to_a_root_file_system()
    {
        using var rootfs = new ComplianceAuditor.Tests.Shared.TempDirectory();
        rootfs.Write("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");

        var results = await RuleAudit.RunAsync(rootfs.Path, RuleIds);

        Assert.All(results, r => Assert.Equal(Outcome.NotApplicable, r.Outcome));
    }
}

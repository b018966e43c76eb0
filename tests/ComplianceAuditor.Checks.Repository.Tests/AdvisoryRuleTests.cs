using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>CMP3015: fixed vulnerabilities are announced in release notes or advisories.</summary>
public sealed class AdvisoryRuleTests
{
    private const string Changelog = """
        # Changelog

        ## [1.4.2] - 2026-03-02
        ### Security
        - Fix heap overflow in the MQTT parser (CVE-2026-1234).
        - Reject unsigned images even when the debug flag is set.

        ## [1.4.1] - 2026-01-10
        ### Added
        - Support for the new sensor board.
        """;

    [Fact]
    public async Task CVE_ids_pass_with_their_release_and_date_and_say_latency_is_not_measured()
    {
        using var repo = new RepoFixture().With("CHANGELOG.md", Changelog);

        var result = await repo.JudgeAsync("CMP3015");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.StartsWith("1 advisory id(s): CVE-2026-1234 in 1.4.2 of 2026-03-02 (CHANGELOG.md:5); 1 security-fix entry, first at CHANGELOG.md:6", result.Reason, StringComparison.Ordinal);
        Assert.Contains("how long fixes took to ship is not measured", result.Reason, StringComparison.Ordinal);
        Assert.Equal([5, 6], result.Evidence.Select(e => e.Line));
    }

    [Fact]
    public async Task An_advisory_file_named_after_its_GHSA_passes()
    {
        using var repo = new RepoFixture().With("advisories/GHSA-xvch-5gv4-984h.md", "# GHSA-XVCH-5gv4-984h: command injection in the web UI\n");

        var result = await repo.JudgeAsync("CMP3015");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("1 advisory id(s): GHSA-xvch-5gv4-984h (advisories/GHSA-xvch-5gv4-984h.md:1)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_published_advisories_passes()
    {
        using var repo = new RepoFixture().With("SECURITY.md", "Published advisories: https://github.com/acme/fw/security/advisories\n");

        var result = await repo.JudgeAsync("CMP3015");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.StartsWith("advisories are published outside the repository, linked at SECURITY.md:1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_notes_without_any_security_entry_are_inconclusive()
    {
        using var repo = new RepoFixture().With("NEWS", "1.2.0 (2026-02-01)\n\n* New dashboard.\n* Faster boot.\n");

        var result = await repo.JudgeAsync("CMP3015");

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.StartsWith("NEWS names no CVE, GHSA or security fix", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_release_notes_and_no_advisories_fail()
    {
        using var repo = new RepoFixture().With("README.md", "# Firmware\n");

        var result = await repo.JudgeAsync("CMP3015");

        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public async Task A_vendored_library_changelog_does_not_count()
    {
        using var repo = new RepoFixture().With("third_party/mbedtls/ChangeLog", "Security\n   * Fix CVE-2024-0001 in the TLS parser.\n");

        Assert.Equal(Outcome.Fail, (await repo.JudgeAsync("CMP3015")).Outcome);
    }
}

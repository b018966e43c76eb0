using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// CMP2038 and CMP2039 on the OTA-client fixtures that Fixtures/make-fixtures.sh builds from Fixtures/src: with and
/// without a verifier, with and without symbols, and a program with no update path.
/// </summary>
public sealed class UpdateCodeEvidenceRuleTests
{
    private static async Task<Dictionary<string, CheckResult>> AuditAsync(string fixture)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "ComplianceAuditor.Checks.Update.Tests", "Fixtures", fixture);
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([path], null)[0], new InventoryOptions(), CancellationToken.None);
        var rules = RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules.Where(r => r.Id is "CMP2038" or "CMP2039").ToArray();
        var results = await new AuditEngine(new CheckRegistry(UpdateChecks.All()), new EngineOptions()).RunAsync([inventory], rules, null, CancellationToken.None);
        return results.ToDictionary(r => r.RuleId);
    }

    [Fact]
    public async Task An_OTA_client_that_calls_a_verifier_and_checks_the_secure_version_passes_both()
    {
        var results = await AuditAsync("ota-verified");

        Assert.Equal(Outcome.Pass, results["CMP2038"].Outcome);
        Assert.Contains("mbedtls_pk_verify", results["CMP2038"].Reason, StringComparison.Ordinal);
        Assert.Contains(results["CMP2038"].Evidence, e => e.Symbol == "esp_https_ota_begin");
        Assert.Equal(Outcome.Pass, results["CMP2039"].Outcome);
        Assert.Contains("esp_efuse_check_secure_version", results["CMP2039"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_OTA_client_with_symbols_and_no_verifier_fails_with_its_entry_points_as_evidence()
    {
        var results = await AuditAsync("ota-unverified");

        Assert.Equal(Outcome.Fail, results["CMP2038"].Outcome);
        Assert.Equal<string?>(["esp_https_ota_begin", "esp_ota_write"], results["CMP2038"].Evidence.Select(e => e.Symbol));
        Assert.Equal(Outcome.Fail, results["CMP2039"].Outcome);
    }

    [Fact]
    public async Task Stripped_the_verifier_is_found_by_its_message_and_its_absence_is_inconclusive()
    {
        var verified = await AuditAsync("ota-verified.stripped");
        var unverified = await AuditAsync("ota-unverified.stripped");

        Assert.Equal(Outcome.Pass, verified["CMP2038"].Outcome);
        Assert.Contains("Signature verification failed", verified["CMP2038"].Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Inconclusive, verified["CMP2039"].Outcome);
        Assert.Equal(Outcome.Inconclusive, unverified["CMP2038"].Outcome);
        Assert.Contains("stripped", unverified["CMP2038"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_without_an_update_path_is_not_applicable()
    {
        var results = await AuditAsync("plain");

        Assert.All(results.Values, r => Assert.Equal(Outcome.NotApplicable, r.Outcome));
    }
}

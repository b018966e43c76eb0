using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>CMP2057 on OpenWrt build <c>.config</c> files: feed signing on or off.</summary>
public sealed class OpenWrtBuildConfigRuleTests
{
    private const string Config = """
        CONFIG_TARGET_x86=y
        CONFIG_TARGET_BOARD="x86"
        CONFIG_PACKAGE_opkg=y
        CONFIG_PACKAGE_usign=y
        CONFIG_PACKAGE_fwtool=y
        """;

    private static async Task<CheckResult> JudgeAsync(string text) =>
        RuleAudit.OnTarget(await RuleAudit.FileAsync(".config", System.Text.Encoding.UTF8.GetBytes(text), ["CMP2057"]), "CMP2057");

    [Fact]
    public async Task Signed_packages_on_passes_CMP2057()
    {
        var result = await JudgeAsync(Config + "\nCONFIG_SIGNED_PACKAGES=y\n");

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("CONFIG_SIGNED_PACKAGES=y (.config:6)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_packages_switched_off_fails_CMP2057()
    {
        var result = await JudgeAsync(Config + "\n# CONFIG_SIGNED_PACKAGES is not set\n");

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("OpenWrt build does not enforce signature checks: CONFIG_SIGNED_PACKAGES is not set (.config:6)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fragment_that_does_not_mention_package_signing_is_inconclusive()
    {
        var result = await JudgeAsync(Config);

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("CONFIG_SIGNED_PACKAGES is not mentioned", result.Reason, StringComparison.Ordinal);
    }
}

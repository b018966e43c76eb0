using ComplianceAuditor.Checks.Build.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Build.Tests;

/// <summary>CMP3025 (memory protection off), CMP3026 (test random generator) and CMP3027 (broken Mbed TLS algorithms).</summary>
public sealed class ZephyrRuleTests
{
    private const string Hardened = """
        CONFIG_STACK_CANARIES_STRONG=y
        CONFIG_HW_STACK_PROTECTION=y
        CONFIG_USERSPACE=y
        CONFIG_ENTROPY_GENERATOR=y
        CONFIG_MBEDTLS=y
        """;

    [Fact]
    public async Task Memory_protection_switched_off_fails_CMP3025_with_every_setting()
    {
        var results = await RuleAudit.RepoAsync(["CMP3025"], ("app/prj.conf", "# CONFIG_STACK_CANARIES is not set\nCONFIG_HW_STACK_PROTECTION=n\nCONFIG_USERSPACE=n\n"));

        var result = RuleAudit.Only(results, "CMP3025");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(
            ["zephyr-no-stack-canaries", "zephyr-no-hw-stack-protection", "zephyr-no-userspace"],
            result.Evidence.Select(e => e.Description![..e.Description!.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal("# CONFIG_STACK_CANARIES is not set", result.Evidence[0].Excerpt);
    }

    [Fact]
    public async Task Hardened_fragment_passes_all_three_zephyr_rules()
    {
        var results = await RuleAudit.RepoAsync(["CMP3025", "CMP3026", "CMP3027"], ("app/prj.conf", Hardened));

        Assert.All(results, r => Assert.Equal(Outcome.Pass, r.Outcome));
        Assert.Equal(3, results.Count);
    }

    [Fact]
    public async Task Fragment_that_does_not_mention_the_features_passes_CMP3025_because_absence_is_not_off()
    {
        var results = await RuleAudit.RepoAsync(["CMP3025"], ("app/prj.conf", "CONFIG_GPIO=y\n"));

        Assert.Equal(Outcome.Pass, RuleAudit.Only(results, "CMP3025").Outcome);
    }

    [Fact]
    public async Task Test_random_generator_in_sysbuild_fails_CMP3026()
    {
        var results = await RuleAudit.RepoAsync(["CMP3026"], ("sysbuild.conf", "SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_TEST_RANDOM_GENERATOR=y\n"));

        var result = RuleAudit.Only(results, "CMP3026");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(("SB_CONFIG_TEST_RANDOM_GENERATOR=y", 2), (result.Evidence[0].Excerpt, result.Evidence[0].Line));
    }

    [Fact]
    public async Task Md5_and_des_in_mbedtls_fail_CMP3027()
    {
        var results = await RuleAudit.RepoAsync(["CMP3027"], ("prj.conf", Hardened + "\nCONFIG_MBEDTLS_MAC_MD5_ENABLED=y\nCONFIG_MBEDTLS_CIPHER_DES_ENABLED=y\n"));

        var result = RuleAudit.Only(results, "CMP3027");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(["CONFIG_MBEDTLS_MAC_MD5_ENABLED=y", "CONFIG_MBEDTLS_CIPHER_DES_ENABLED=y"], result.Evidence.Select(e => e.Excerpt));
    }

    [Fact]
    public async Task A_Buildroot_configuration_is_not_applicable_to_the_zephyr_rules()
    {
        var results = await RuleAudit.RepoAsync(["CMP3025"], ("configs/x_defconfig", "BR2_arm=y\n"));

        Assert.Equal(Outcome.NotApplicable, RuleAudit.Only(results, "CMP3025").Outcome);
    }
}

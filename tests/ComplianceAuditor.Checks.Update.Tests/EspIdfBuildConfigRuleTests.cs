using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// The build-configuration rules CMP2057, CMP2058, CMP2059 and CMP2061 on ESP-IDF <c>sdkconfig</c> files: a release
/// configuration that passes each, and the options that fail them one at a time.
/// </summary>
public sealed class EspIdfBuildConfigRuleTests
{
    /// <summary>Secure boot v2, release-mode flash encryption, anti-rollback with a real eFuse counter, two OTA slots.</summary>
    private const string Release = """
        CONFIG_IDF_TARGET="esp32s3"
        CONFIG_SECURE_BOOT=y
        CONFIG_SECURE_BOOT_V2_ENABLED=y
        CONFIG_SECURE_SIGNED_APPS_RSA_SCHEME=y
        CONFIG_SECURE_FLASH_ENC_ENABLED=y
        CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y
        CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE=y
        CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y
        CONFIG_BOOTLOADER_APP_SECURE_VERSION=4
        CONFIG_PARTITION_TABLE_TWO_OTA=y
        CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="https://updates.example.com/app.bin"
        """;

    private static async Task<CheckResult> JudgeAsync(string ruleId, string sdkconfig) =>
        RuleAudit.OnTarget(await RuleAudit.FileAsync("sdkconfig", System.Text.Encoding.UTF8.GetBytes(sdkconfig), [ruleId]), ruleId);

    private static string Without(string symbol) =>
        string.Join('\n', Release.Split('\n').Where(l => !l.StartsWith($"CONFIG_{symbol}=", StringComparison.Ordinal)));

    [Theory]
    [InlineData("CMP2057", "hardware secure boot v2 is on")]
    [InlineData("CMP2058", "app secure_version 4")]
    [InlineData("CMP2059", "no option allows plain HTTP or unverified TLS")]
    [InlineData("CMP2061", "ESP-IDF: none of esp-secure-boot-insecure-options")]
    public async Task A_release_sdkconfig_passes(string ruleId, string expected)
    {
        var result = await JudgeAsync(ruleId, Release);

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_secure_boot_or_signed_apps_CMP2057_fails()
    {
        var result = await JudgeAsync("CMP2057", Without("SECURE_BOOT").Replace("CONFIG_SECURE_BOOT_V2_ENABLED=y\n", string.Empty, StringComparison.Ordinal));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ESP-IDF build does not enforce signature checks: neither secure boot nor signed apps is enabled", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_anti_rollback_CMP2058_fails()
    {
        var result = await JudgeAsync("CMP2058", Without("BOOTLOADER_APP_ANTI_ROLLBACK"));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK is not set", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y")]
    [InlineData("CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY=y")]
    [InlineData("CONFIG_EXAMPLE_SKIP_COMMON_NAME_CHECK=y")]
    public async Task An_option_that_lets_OTA_skip_TLS_verification_fails_CMP2059(string option)
    {
        var result = await JudgeAsync("CMP2059", Release + "\n" + option);

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains($"{option} (sdkconfig:12)", result.Reason, StringComparison.Ordinal);
        Assert.Equal(12, Assert.Single(result.Evidence).Line);
    }

    [Fact]
    public async Task A_plain_http_update_url_fails_CMP2059()
    {
        var result = await JudgeAsync("CMP2059", Release.Replace("https://updates", "http://updates", StringComparison.Ordinal));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL=\"http://updates.example.com/app.bin\"", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CONFIG_SECURE_BOOT_INSECURE=y", "secure boot or flash protection is relaxed")]
    [InlineData("CONFIG_SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT=y", "flash encryption can be disabled again over UART")]
    [InlineData("CONFIG_BOOTLOADER_SKIP_VALIDATE_ON_POWER_ON=y", "the bootloader does not validate the app")]
    [InlineData("CONFIG_BOOTLOADER_EFUSE_SECURE_VERSION_EMULATE=y", "the counter is emulated in flash")]
    public async Task A_development_or_bypass_option_fails_CMP2061(string option, string expected)
    {
        var result = await JudgeAsync("CMP2061", Release + "\n" + option);

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_file_named_like_a_build_configuration_but_without_Kconfig_symbols_is_not_applicable()
    {
        var result = await JudgeAsync("CMP2057", "# sdkconfig notes\nnothing configured here\n");

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("not an ESP-IDF, MCUboot/Zephyr, U-Boot or OpenWrt build configuration", result.Reason, StringComparison.Ordinal);
    }
}

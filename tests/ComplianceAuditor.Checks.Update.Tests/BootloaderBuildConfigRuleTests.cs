using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// The build-configuration rules on MCUboot and U-Boot configurations: CMP2057 (signatures), CMP2058 (downgrades),
/// CMP2060 (sample signing key), CMP2061 (verified-boot bypasses) and CMP2062 (console and network boot).
/// </summary>
public sealed class BootloaderBuildConfigRuleTests
{
    private const string Mcuboot = """
        CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y
        CONFIG_BOOT_SIGNATURE_KEY_FILE="/secure/keys/product-p256.pem"
        CONFIG_BOOT_VALIDATE_SLOT0=y
        CONFIG_BOOT_SWAP_USING_MOVE=y
        CONFIG_MCUBOOT_DOWNGRADE_PREVENTION=y
        """;

    private const string UBoot = """
        CONFIG_SYS_ARCH="arm"
        CONFIG_SYS_CONFIG_NAME="rule-test-board"
        CONFIG_FIT=y
        CONFIG_FIT_SIGNATURE=y
        # CONFIG_LEGACY_IMAGE_FORMAT is not set
        CONFIG_BOOTDELAY=-2
        CONFIG_BOOTCOMMAND="run distro_bootcmd"
        """;

    private static async Task<CheckResult> JudgeAsync(string ruleId, string fileName, string text) =>
        RuleAudit.OnTarget(await RuleAudit.FileAsync(fileName, System.Text.Encoding.UTF8.GetBytes(text), [ruleId]), ruleId);

    [Theory]
    [InlineData("CMP2057", "MCUboot refuses images without a valid ecdsa-p256 signature")]
    [InlineData("CMP2058", "an image with a lower version number is refused")]
    [InlineData("CMP2060", "MCUboot: none of mcuboot-sample-signing-key")]
    [InlineData("CMP2061", "MCUboot: none of")]
    public async Task A_product_MCUboot_configuration_passes(string ruleId, string expected)
    {
        var result = await JudgeAsync(ruleId, ".config", Mcuboot);

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MCUboot_built_to_check_only_a_hash_fails_CMP2057()
    {
        var result = await JudgeAsync("CMP2057", ".config", Mcuboot.Replace("TYPE_ECDSA_P256", "TYPE_NONE", StringComparison.Ordinal));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("MCUboot checks only the image hash", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MCUboot_without_downgrade_prevention_fails_CMP2058()
    {
        var result = await JudgeAsync("CMP2058", ".config", Mcuboot.Replace("CONFIG_MCUBOOT_DOWNGRADE_PREVENTION=y", string.Empty, StringComparison.Ordinal));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("neither MCUBOOT_DOWNGRADE_PREVENTION nor MCUBOOT_HW_DOWNGRADE_PREVENTION is set", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CONFIG_BOOT_SIGNATURE_KEY_FILE=\"root-ec-p256.pem\"")]
    [InlineData("CONFIG_BOOT_SIGNATURE_KEY_FILE=\"bootloader/mcuboot/root-rsa-2048.pem\"")]
    public async Task Signing_with_one_of_MCUboot_s_sample_keys_fails_CMP2060(string keyLine)
    {
        var result = await JudgeAsync("CMP2060", ".config", Mcuboot.Replace("CONFIG_BOOT_SIGNATURE_KEY_FILE=\"/secure/keys/product-p256.pem\"", keyLine, StringComparison.Ordinal));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("is one of MCUboot's published sample keys", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# CONFIG_BOOT_VALIDATE_SLOT0 is not set", "the image in the primary slot is booted without checking it")]
    [InlineData("CONFIG_BOOT_VALIDATE_SLOT0_ONCE=y", "the primary slot is checked only on its first boot")]
    [InlineData("CONFIG_BOOT_BYPASS_KEY_MATCH=y", "the image's key is not matched against the built-in key")]
    public async Task An_MCUboot_validation_bypass_fails_CMP2061(string option, string expected)
    {
        var result = await JudgeAsync("CMP2061", ".config", Mcuboot + "\n" + option);

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CMP2057", "without the legacy image format")]
    [InlineData("CMP2061", "U-Boot: none of")]
    [InlineData("CMP2062", "U-Boot: none of uboot-autoboot-interruptible, uboot-network-boot")]
    public async Task A_locked_down_U_Boot_defconfig_passes(string ruleId, string reason)
    {
        var result = await JudgeAsync(ruleId, "board_defconfig", UBoot);

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task U_Boot_booting_legacy_images_beside_FIT_signatures_fails_CMP2057_and_CMP2061()
    {
        var text = UBoot.Replace("# CONFIG_LEGACY_IMAGE_FORMAT is not set", "CONFIG_LEGACY_IMAGE_FORMAT=y", StringComparison.Ordinal);

        var signatures = await JudgeAsync("CMP2057", "board_defconfig", text);
        var hardening = await JudgeAsync("CMP2061", "board_defconfig", text);

        Assert.Equal(Outcome.Fail, signatures.Outcome);
        Assert.Contains("an unsigned legacy uImage (CRC only) boots instead of a signed FIT", signatures.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, hardening.Outcome);
        Assert.Contains("uboot-legacy-image-with-fit-signature", hardening.EvidenceKey, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CONFIG_BOOTDELAY=-2", "CONFIG_BOOTDELAY=3", "any key press stops autoboot")]
    [InlineData("CONFIG_BOOTCOMMAND=\"run distro_bootcmd\"", "CONFIG_BOOTCOMMAND=\"dhcp; tftpboot ${loadaddr} zImage; bootz\"", "loads over the network with 'dhcp'")]
    public async Task An_interruptible_autoboot_or_a_network_boot_command_fails_CMP2062(string from, string to, string expected)
    {
        var result = await JudgeAsync("CMP2062", ".config", UBoot.Replace(from, to, StringComparison.Ordinal));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyed_autoboot_delay_passes_CMP2062()
    {
        var result = await JudgeAsync("CMP2062", ".config", UBoot.Replace("CONFIG_BOOTDELAY=-2", "CONFIG_BOOTDELAY=3\nCONFIG_AUTOBOOT_KEYED=y", StringComparison.Ordinal));

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task CMP2062_does_not_read_ESP_IDF_sdkconfig_files()
    {
        // Its paths are U-Boot's (.config*, *defconfig): an sdkconfig is never selected, so the target has nothing to judge.
        var results = await RuleAudit.FileAsync("sdkconfig", "CONFIG_IDF_TARGET=\"esp32\"\nCONFIG_BOOTDELAY=3\n"u8.ToArray(), ["CMP2062"]);

        Assert.Equal(Outcome.NotApplicable, RuleAudit.Only(results, "CMP2062").Outcome);
    }
}

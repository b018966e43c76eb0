using ComplianceAuditor.Update.Configuration.BuildConfigs;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class McubootKconfigTests
{
    [Fact]
    public void A_bootloader_with_no_signature_the_sample_key_and_overwrite_only_is_flagged_on_every_point()
    {
        var settings = McubootKconfig.Read("""
            CONFIG_BOOT_SIGNATURE_TYPE_NONE=y
            CONFIG_BOOT_SIGNATURE_KEY_FILE="bootloader/mcuboot/root-rsa-2048.pem"
            # CONFIG_BOOT_VALIDATE_SLOT0 is not set
            CONFIG_BOOT_UPGRADE_ONLY=y
            """)!;

        Assert.True(settings.IsBootloaderConfig);
        Assert.Equal("none", settings.SignatureType);
        Assert.Equal("overwrite-only", settings.UpgradeMode);
        Assert.Equal(Enforcement.NotEnforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Equal(Enforcement.NotEnforced, settings.Verdicts.DowngradeProtection.State);
        Assert.Equal(Presence.Absent, settings.Verdicts.Redundancy.State);
        Assert.Equal(
            ["mcuboot-overwrite-only-no-revert", "mcuboot-primary-slot-not-validated", "mcuboot-sample-signing-key", "mcuboot-signature-none"],
            settings.Verdicts.Weaknesses.Select(w => w.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_signed_swap_bootloader_with_a_hardware_counter_and_its_own_key_is_sound()
    {
        var settings = McubootKconfig.Read("""
            CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y
            CONFIG_BOOT_SIGNATURE_KEY_FILE="/secure/keys/product-ec-p256.pem"
            CONFIG_BOOT_VALIDATE_SLOT0=y
            CONFIG_BOOT_SWAP_USING_MOVE=y
            CONFIG_MCUBOOT_HW_DOWNGRADE_PREVENTION=y
            CONFIG_BOOT_SERIAL_UART=y
            """)!;

        Assert.Equal(Enforcement.Enforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Equal("hardware", settings.DowngradePrevention);
        Assert.Equal(Enforcement.Enforced, settings.Verdicts.DowngradeProtection.State);
        Assert.Equal(Presence.Present, settings.Verdicts.Redundancy.State);
        Assert.Contains("serial", settings.Verdicts.Redundancy.Reason, StringComparison.Ordinal);
        Assert.Empty(settings.Verdicts.Weaknesses);
    }

    [Fact]
    public void An_application_config_with_an_empty_key_file_is_unsigned_but_leaves_enforcement_to_the_bootloader()
    {
        var settings = McubootKconfig.Read("""
            CONFIG_BOOTLOADER_MCUBOOT=y
            CONFIG_MCUBOOT_SIGNATURE_KEY_FILE=""
            CONFIG_MCUBOOT_GENERATE_UNSIGNED_IMAGE=y
            CONFIG_MCUBOOT_BOOTLOADER_MODE_SWAP_SCRATCH=y
            """)!;

        Assert.False(settings.IsBootloaderConfig);
        Assert.Equal(Enforcement.Unknown, settings.Verdicts.SignatureEnforcement.State);
        Assert.Equal(Enforcement.Unknown, settings.Verdicts.DowngradeProtection.State);
        Assert.Equal("swap-scratch", settings.UpgradeMode);
        Assert.Equal(["mcuboot-app-unsigned", "mcuboot-unsigned-image-generated"], settings.Verdicts.Weaknesses.Select(w => w.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sysbuild_names_and_software_downgrade_prevention_are_read()
    {
        var settings = McubootKconfig.Read("""
            SB_CONFIG_BOOTLOADER_MCUBOOT=y
            SB_CONFIG_BOOT_SIGNATURE_TYPE_ED25519=y
            SB_CONFIG_BOOT_SIGNATURE_KEY_FILE="root-ed25519.pem"
            SB_CONFIG_MCUBOOT_MODE_DIRECT_XIP=y
            CONFIG_MCUBOOT_DOWNGRADE_PREVENTION=y
            """)!;

        Assert.Equal("ed25519", settings.SignatureType);
        Assert.Equal("software", settings.DowngradePrevention);
        Assert.Equal("direct-xip", settings.UpgradeMode);
        Assert.Contains(settings.Verdicts.Weaknesses, w => w.Code == "mcuboot-sample-signing-key");
    }
}

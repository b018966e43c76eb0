using ComplianceAuditor.Update.Configuration.BuildConfigs;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class UBootConfigTests
{
    [Fact]
    public void Fit_signatures_with_the_legacy_format_still_enabled_are_bypassable()
    {
        var settings = UBootConfig.Read("""
            CONFIG_FIT=y
            CONFIG_FIT_SIGNATURE=y
            CONFIG_LEGACY_IMAGE_FORMAT=y
            CONFIG_FIT_REQUIRE_CONFIG_SIGS=y
            CONFIG_BOOTDELAY=3
            CONFIG_BOOTCOMMAND="dhcp; tftpboot ${loadaddr} fitImage; bootm"
            """, "u-boot/.config")!;

        Assert.True(settings.FitSignature);
        Assert.True(settings.LegacyImageFormat);
        Assert.Equal(Enforcement.NotEnforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Equal(
            ["uboot-autoboot-interruptible", "uboot-legacy-image-with-fit-signature", "uboot-network-boot"],
            settings.Verdicts.Weaknesses.Select(w => w.Code).Order(StringComparer.Ordinal));
        var issue = Assert.Single(settings.Verdicts.InsecureTransport);
        Assert.Equal((TransportIssueKind.Tftp, new FileLocation("u-boot/.config", 6)), (issue.Kind, issue.Location));
        Assert.Contains(settings.Facts, f => f.Name == "CONFIG_FIT_REQUIRE_CONFIG_SIGS");
    }

    [Fact]
    public void Fit_signatures_alone_with_a_boot_counter_and_no_console_interrupt_are_sound()
    {
        var settings = UBootConfig.Read("""
            CONFIG_FIT_SIGNATURE=y
            # CONFIG_LEGACY_IMAGE_FORMAT is not set
            CONFIG_BOOTCOUNT_LIMIT=y
            CONFIG_BOOTDELAY=-2
            """)!;

        Assert.Equal(Enforcement.Enforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Equal(Presence.Present, settings.Verdicts.Redundancy.State);
        Assert.Equal(-2, settings.BootDelay);
        Assert.Empty(settings.Verdicts.Weaknesses);
        Assert.Equal(Enforcement.NotEnforced, settings.Verdicts.DowngradeProtection.State);
    }

    [Fact]
    public void Without_fit_signature_nothing_is_verified_and_a_keyed_autoboot_is_not_a_weakness()
    {
        var settings = UBootConfig.Read("CONFIG_FIT=y\nCONFIG_BOOTDELAY=1\nCONFIG_AUTOBOOT_KEYED=y\n")!;

        Assert.Equal(Enforcement.NotEnforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Equal(["uboot-no-fit-signature"], settings.Verdicts.Weaknesses.Select(w => w.Code));
        Assert.Equal(Presence.Unknown, settings.Verdicts.Redundancy.State);
    }
}

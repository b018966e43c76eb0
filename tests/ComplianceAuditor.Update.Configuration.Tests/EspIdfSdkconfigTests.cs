using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Configuration.BuildConfigs;

namespace ComplianceAuditor.Update.Configuration.Tests;

public sealed class EspIdfSdkconfigTests
{
    private const string AntiRollback = "esp-idf/examples/system/ota/advanced_https_ota/sdkconfig.ci.anti_rollback";
    private const string SignedOnUpdate = "esp-idf/examples/system/ota/simple_ota_example/sdkconfig.ci.on_update_no_sb_rsa";

    [SharedFact("corpus/" + AntiRollback)]
    public void The_anti_rollback_example_enforces_rollback_with_an_emulated_counter_and_skips_the_common_name_check()
    {
        var text = Corpus.Text(AntiRollback);
        var settings = EspIdfSdkconfig.Read(text, "sdkconfig.ci.anti_rollback")!;

        Assert.True(settings.AntiRollback);
        Assert.True(settings.AppRollback);
        Assert.Equal(1, settings.SecureVersion);
        Assert.True(settings.SecureVersionEmulated);
        Assert.Equal(Enforcement.Enforced, settings.Verdicts.DowngradeProtection.State);
        Assert.Contains("emulated", settings.Verdicts.DowngradeProtection.Reason, StringComparison.Ordinal);
        var codes = settings.Verdicts.Weaknesses.Select(w => w.Code).ToList();
        Assert.Contains("esp-anti-rollback-emulated", codes);
        Assert.Contains("esp-skip-common-name-check", codes);
        Assert.Contains("esp-example-version-check-skipped", codes);
        var issue = Assert.Single(settings.Verdicts.InsecureTransport);
        Assert.Equal(
            (TransportIssueKind.TlsHostnameCheckDisabled, new FileLocation("sdkconfig.ci.anti_rollback", Corpus.LineOf(text, "SKIP_COMMON_NAME_CHECK"))),
            (issue.Kind, issue.Location));
        // No secure boot and no signed apps in this fragment: OTA is not signature-checked.
        Assert.Equal(Enforcement.NotEnforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Equal(Presence.Unknown, settings.Verdicts.Redundancy.State);
        Assert.Equal("custom (anti_rollback_partition.csv)", settings.PartitionTable);
    }

    [SharedFact("corpus/" + SignedOnUpdate)]
    public void The_signed_on_update_example_checks_signatures_in_software_without_secure_boot()
    {
        var settings = EspIdfSdkconfig.Read(Corpus.Text(SignedOnUpdate), "sdkconfig.ci.on_update_no_sb_rsa")!;

        Assert.Null(settings.SecureBootVersion);
        Assert.True(settings.SignedAppsWithoutSecureBoot);
        Assert.Equal("RSA", settings.SigningScheme);
        Assert.Equal(Enforcement.Enforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Contains("SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT", settings.Verdicts.SignatureEnforcement.Reason, StringComparison.Ordinal);
        var codes = settings.Verdicts.Weaknesses.Select(w => w.Code).ToList();
        Assert.Contains("esp-signed-on-update-without-secure-boot", codes);
        Assert.Contains("esp-skip-common-name-check", codes);
        Assert.Equal(Enforcement.NotEnforced, settings.Verdicts.DowngradeProtection.State);
        Assert.Equal(Presence.Unknown, settings.Verdicts.Redundancy.State);
    }

    [Fact]
    public void Hardware_secure_boot_two_ota_slots_and_real_efuse_anti_rollback_have_no_weakness()
    {
        var settings = EspIdfSdkconfig.Read("""
            CONFIG_SECURE_BOOT=y
            CONFIG_SECURE_BOOT_V2_ENABLED=y
            CONFIG_SECURE_FLASH_ENC_ENABLED=y
            CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y
            CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE=y
            CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y
            CONFIG_BOOTLOADER_APP_SECURE_VERSION=3
            CONFIG_PARTITION_TABLE_TWO_OTA=y
            """)!;

        Assert.Equal(2, settings.SecureBootVersion);
        Assert.Equal("release", settings.FlashEncryptionMode);
        Assert.Equal(Enforcement.Enforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.Equal(Enforcement.Enforced, settings.Verdicts.DowngradeProtection.State);
        Assert.Equal(Presence.Present, settings.Verdicts.Redundancy.State);
        Assert.Equal("two-ota", settings.PartitionTable);
        Assert.Empty(settings.Verdicts.Weaknesses);
        Assert.Empty(settings.Verdicts.InsecureTransport);
    }

    [Fact]
    public void Insecure_transport_options_development_encryption_and_a_single_app_are_each_flagged()
    {
        var settings = EspIdfSdkconfig.Read("""
            CONFIG_PARTITION_TABLE_SINGLE_APP=y
            CONFIG_OTA_ALLOW_HTTP=y
            CONFIG_ESP_TLS_INSECURE=y
            CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY=y
            CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="http://192.168.0.3:8070/hello_world.bin"
            CONFIG_SECURE_FLASH_ENC_ENABLED=y
            CONFIG_SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT=y
            CONFIG_SECURE_BOOT_INSECURE=y
            CONFIG_BOOTLOADER_SKIP_VALIDATE_ON_POWER_ON=y
            """, "sdkconfig")!;

        Assert.Equal(Presence.Absent, settings.Verdicts.Redundancy.State);
        Assert.Equal(
            [(TransportIssueKind.PlainHttp, 2, TransportSeverity.Failure), (TransportIssueKind.TlsVerificationDisabled, 4, TransportSeverity.Failure),
             (TransportIssueKind.PlainHttp, 5, TransportSeverity.Failure)],
            settings.Verdicts.InsecureTransport.Select(i => (i.Kind, i.Location.Line, i.Severity)));
        Assert.Equal(
            ["esp-app-validation-skipped", "esp-flash-encryption-development", "esp-no-app-signature", "esp-ota-allow-http",
             "esp-secure-boot-insecure-options", "esp-tls-insecure", "esp-tls-skip-server-cert-verify"],
            settings.Verdicts.Weaknesses.Select(w => w.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Secure_boot_without_a_named_version_still_enforces_signatures()
    {
        var settings = EspIdfSdkconfig.Read("CONFIG_SECURE_BOOT=y\n")!;

        Assert.Null(settings.SecureBootVersion);
        Assert.Equal(Enforcement.Enforced, settings.Verdicts.SignatureEnforcement.State);
        Assert.DoesNotContain(settings.Verdicts.Weaknesses, w => w.Code == "esp-no-app-signature");
    }

    [Fact]
    public void Text_without_assignments_is_not_an_sdkconfig()
    {
        Assert.Null(EspIdfSdkconfig.Read("# just a comment\n"));
    }
}

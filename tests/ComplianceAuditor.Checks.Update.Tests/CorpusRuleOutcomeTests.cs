using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// The outcome ../shared/corpus/SOURCES.md names for each update-format sample ("what an auditing scanner should
/// find"), end to end through the built-in rules. Image and build-configuration samples are audited where they lie, as
/// file targets; runtime configuration samples are copied to the path the device reads them from in a small root file
/// system. Each row also names a part of the reason, so a pass or fail for the wrong cause is caught.
/// </summary>
public sealed class CorpusRuleOutcomeTests
{
    private const string SmpServer = "smpclient/tests/fixtures/smp-server/";
    private const string SecureImages = "esptool/test/secure_images/";
    private const string Swugenerator = "swugenerator/tests/test_data/integration_output/";

    [SharedTheory("corpus")]
    [InlineData("smpclient/tests/fixtures/zephyr-v3.5.0-2795-g28ff83515d/hello_world.signed.bin", "CMP2033", Outcome.Fail, "(published as mcu-tools/mcuboot: root-rsa-2048.pem)")]
    [InlineData("smpclient/tests/fixtures/tf-m-9a4cb1a28/tfm_s_signed.bin", "CMP2034", Outcome.Pass, "security counter (SEC_CNT) 1 (protected TLV 0x50)")]
    [InlineData(SmpServer + "zephyr_4.4.0_smp_server_0eae053d_qemu_cortex_m0_serial.signed.bin", "CMP2032", Outcome.Fail, "only a SHA-256 protects it")]
    [InlineData(SmpServer + "zephyr_4.4.0_smp_server_0eae053d_mps2_an385_serial_recovery_buf512.signed.bin", "CMP2032", Outcome.Fail, "only a SHA-256 protects it")]
    [InlineData(SmpServer + "zephyr_f33aa2bc4a43_smp_server_27c54835_mps2_an385_serial_recovery.signed.bin", "CMP2032", Outcome.Fail, "only a SHA-256 protects it")]
    [InlineData("smpclient/examples/duts/nrf52840dk_nrf52840/usb/a_smp_dut_1024_1_1024.bin", "CMP2033", Outcome.Fail, "mcu-tools/mcuboot: root-ec-p256")]
    [InlineData(SecureImages + "bootloader_signed_v2_rsa.bin", "CMP2033", Outcome.Fail, "espressif/esptool: test/secure_images/rsa_secure_boot_signing_key.pem")]
    [InlineData(SecureImages + "bootloader_unsigned_v2.bin", "CMP2032", Outcome.Fail, "the ESP-IDF image carries no signature")]
    [InlineData(SecureImages + "bootloader_signed.bin", "CMP2044", Outcome.Fail, "signed for Secure Boot v1")]
    [InlineData("esptool/test/images/esp_idf_blink_esp32s2.bin", "CMP2043", Outcome.Fail, "secure_version is 0")]
    [InlineData("suit-manifest-spec/examples/example0.signed.cbor", "CMP2033", Outcome.Fail, "suit-wg/manifest-spec: examples/private_key.pem")]
    [InlineData("suit-manifest-spec/examples/example0.unsigned.cbor", "CMP2032", Outcome.Fail, "the SUIT envelope carries no signature")]
    [InlineData("suit-firmware-encryption/examples/suit-manifest-aes-kw.signed.cbor", "CMP2041", Outcome.Fail, "authenticated only by 1 MAC block")]
    [InlineData("suit-firmware-encryption/examples/suit-manifest-aes-kw-content.signed.cbor", "CMP2041", Outcome.Fail, "authenticated only by 1 MAC block")]
    [InlineData("suit-firmware-encryption/examples/suit-manifest-aes-kw-slot.signed.cbor", "CMP2041", Outcome.Fail, "authenticated only by 1 MAC block")]
    [InlineData("suit-firmware-encryption/examples/suit-manifest-es-ecdh-content.signed.cbor", "CMP2041", Outcome.Pass, "shows none of 'suit-mac-only'")]
    [InlineData("libfdtxx/test/verify.fit", "CMP2033", Outcome.Fail, "apexrtos/libfdtxx: test/rsa2048.key")]
    [InlineData("libfdtxx/test/verify.fit", "CMP2045", Outcome.Pass, "U-Boot FIT image shows none of")]
    [InlineData("ninjastorms/uImage", "CMP2036", Outcome.Fail, "legacy uImage format can only carry CRC32")]
    [InlineData("android_device_oneplus_sdm845-common/vbmeta.img", "CMP2048", Outcome.Fail, "VERIFICATION_DISABLED is set")]
    [InlineData("android_device_oneplus_sdm845-common/vbmeta.img", "CMP2033", Outcome.Fail, "test/data/testkey_rsa4096.pem")]
    [InlineData("android_device_oneplus_sdm845-common/vbmeta.img", "CMP2043", Outcome.Fail, "the rollback index is 0")]
    [InlineData(Swugenerator + "output.swu", "CMP2032", Outcome.Fail, "the SWUpdate bundle carries no signature")]
    [InlineData(Swugenerator + "signed_output.swu", "CMP2033", Outcome.Fail, "sbabic/swugenerator: tests/test_data/integration_input/private.pem")]
    [InlineData(Swugenerator + "signed_output.swu", "CMP2063", Outcome.Pass, "SWUpdate bundle shows none of")]
    [InlineData("rauc/test/good-bundle.raucb", "CMP2033", Outcome.Fail, "rauc/rauc: test/openssl-ca/rel/private/release-1.pem")]
    [InlineData("rauc/test/good-bundle.raucb", "CMP2064", Outcome.Fail, "plain bundle format")]
    [InlineData("rauc/test/good-verity-bundle.raucb", "CMP2064", Outcome.Pass, "RAUC bundle shows none of 'rauc-plain-format'")]
    [InlineData("rauc/test/invalid-sig-bundle.raucb", "CMP2032", Outcome.Fail, "every signature of the RAUC bundle is invalid")]
    [InlineData("rauc/test/invalid-sig-bundle.raucb", "CMP2033", Outcome.Fail, "published as rauc/rauc")]
    [InlineData("mender-artifact/tests/data/a0-signed-nitro.mender", "CMP2033", Outcome.Fail, "mendersoftware/mender-artifact: tests/data/ec.pem")]
    [InlineData("mender-artifact/tests/data/DERIVED-a0-unsigned.mender", "CMP2032", Outcome.Fail, "the Mender artifact carries no signature")]
    [InlineData("binwalk/tests/inputs/matter_ota.bin", "CMP2036", Outcome.Fail, "Matter OTA image format can only carry SHA-256")]
    [InlineData("esp-idf/examples/system/ota/advanced_https_ota/sdkconfig.ci.anti_rollback", "CMP2061", Outcome.Fail, "the counter is emulated in flash")]
    [InlineData("esp-idf/examples/system/ota/advanced_https_ota/sdkconfig.ci.anti_rollback", "CMP2059", Outcome.Fail, "CONFIG_EXAMPLE_SKIP_COMMON_NAME_CHECK=y")]
    [InlineData("esp-idf/examples/system/ota/simple_ota_example/sdkconfig.ci.on_update_no_sb_rsa", "CMP2058", Outcome.Fail, "CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK is not set")]
    [InlineData("IoTGoat/OpenWrt/openwrt-18.06.2/.config-x86", "CMP2057", Outcome.Pass, "CONFIG_SIGNED_PACKAGES=y (.config-x86:")]
    public async Task A_sample_audited_as_a_file_gives_the_outcome_SOURCES_md_names(string sample, string ruleId, Outcome expected, string fragment)
    {
        var path = Path.Combine(RepositoryPaths.Shared, "corpus", sample);
        Assert.True(File.Exists(path), $"corpus sample {sample} is missing");

        var result = RuleAudit.OnTarget(await RuleAudit.RunAsync(path, [ruleId]), ruleId);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(fragment, result.Reason, StringComparison.Ordinal);
    }

    [SharedTheory("corpus")]
    [InlineData("swupdate/examples/configuration/swupdate.cfg", "/etc/swupdate.cfg", "/usr/bin/swupdate", "CMP2052", Outcome.Fail,
        "update source over plain HTTP at /etc/swupdate.cfg:")]
    [InlineData("swupdate/examples/configuration/swupdate.cfg", "/etc/swupdate.cfg", "/usr/bin/swupdate", "CMP2053", Outcome.Fail,
        "TLS certificate verification switched off at /etc/swupdate.cfg:")]
    [InlineData("IoTGoat/OpenWrt/openwrt-18.06.2/package/system/opkg/files/opkg.conf", "/etc/opkg.conf", "/bin/opkg", "CMP2050", Outcome.Fail,
        "no 'option check_signature' in /etc/opkg.conf")]
    [InlineData("rauc/test/test.conf", "/etc/rauc/system.conf", "/usr/bin/rauc", "CMP2051", Outcome.Fail,
        "no min-bundle-version in /etc/rauc/system.conf")]
    [InlineData("rauc/test/test.conf", "/etc/rauc/system.conf", "/usr/bin/rauc", "CMP2065", Outcome.Pass,
        "RAUC: A/B slots rootfs.0 (bootname A), rootfs.1 (bootname B), plus recovery slot rescue.0")]
    public async Task A_configuration_sample_placed_in_a_root_file_system_gives_the_outcome_SOURCES_md_names(
        string sample, string placedAt, string program, string ruleId, Outcome expected, string fragment)
    {
        var path = Path.Combine(RepositoryPaths.Shared, "corpus", sample);
        Assert.True(File.Exists(path), $"corpus sample {sample} is missing");
        using var root = new LinuxRoot().Add(placedAt, File.ReadAllBytes(path)).Add(program, LinuxRoot.Program);

        var result = await root.JudgeAsync(ruleId);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(fragment, result.Reason, StringComparison.Ordinal);
    }
}

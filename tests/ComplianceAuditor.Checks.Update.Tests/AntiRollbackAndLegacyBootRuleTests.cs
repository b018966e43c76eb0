using System.Security.Cryptography;
using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Tests.Update;
using ComplianceAuditor.Update.Boot.Tests;
using ComplianceAuditor.Update.Esp.Tests;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// CMP2043 (anti-rollback value left at its default) on the three formats it names, and CMP2044 (ESP32 Secure Boot
/// v1), on images built by the readers' fixture builders.
/// </summary>
public sealed class AntiRollbackAndLegacyBootRuleTests
{
    private static readonly byte[] Body = [.. Enumerable.Range(0, 1024).Select(i => (byte)(i * 7))];

    private static async Task<CheckResult> JudgeAsync(string ruleId, string fileName, byte[] image) =>
        RuleAudit.OnTarget(await RuleAudit.FileAsync(fileName, image, [ruleId]), ruleId);

    [Fact]
    public async Task An_ESP_app_with_secure_version_0_fails_CMP2043_and_one_with_3_passes()
    {
        var zero = await JudgeAsync("CMP2043", "app.bin", EspImageBuilder.App(secureVersion: 0));
        var three = await JudgeAsync("CMP2043", "app.bin", EspImageBuilder.App(secureVersion: 3));

        Assert.Equal(Outcome.Fail, zero.Outcome);
        Assert.Contains("secure_version is 0", zero.Reason, StringComparison.Ordinal);
        Assert.Contains("rollback: secure_version = 0", Assert.Single(zero.Evidence).Excerpt, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, three.Outcome);
        Assert.Contains("ESP-IDF image shows none of", three.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_MCUboot_image_left_at_version_0_0_0_fails_CMP2043_and_a_versioned_one_passes()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var unset = await JudgeAsync("CMP2043", "app.signed.bin", McubootImageBuilder.Build(Body, key, version: "0.0.0"));
        var set = await JudgeAsync("CMP2043", "app.signed.bin", McubootImageBuilder.Build(Body, key, version: "1.2.3"));

        // A security counter orders releases by itself, so version 0.0.0 is no weakness beside one.
        var counted = await JudgeAsync("CMP2043", "app.signed.bin", McubootImageBuilder.Build(Body, key, securityCounter: 1, version: "0.0.0"));

        Assert.Equal(Outcome.Fail, unset.Outcome);
        Assert.Contains("version is 0.0.0+0", unset.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, set.Outcome);
        Assert.Equal(Outcome.Pass, counted.Outcome);
    }

    [Fact]
    public async Task A_vbmeta_with_rollback_index_0_fails_CMP2043_and_one_with_index_3_passes()
    {
        using var key = RSA.Create(2048);

        var zero = await JudgeAsync("CMP2043", "vbmeta.img", VbmetaBuilder.Build(key, rollbackIndex: 0));
        var three = await JudgeAsync("CMP2043", "vbmeta.img", VbmetaBuilder.Build(key, rollbackIndex: 3));

        Assert.Equal(Outcome.Fail, zero.Outcome);
        Assert.Contains("the rollback index is 0", zero.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, three.Outcome);
    }

    [Fact]
    public async Task An_ESP_bootloader_image_is_not_applicable_to_CMP2043()
    {
        // A bootloader image has no esp_app_desc_t, so no secure_version: its anti-rollback value can be neither set nor unset.
        var result = await JudgeAsync("CMP2043", "bootloader.bin", EspImageBuilder.Bootloader());

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
    }

    [Fact]
    public async Task A_bootloader_signed_for_Secure_Boot_v1_fails_CMP2044()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await JudgeAsync("CMP2044", "bootloader.bin", EspSignatureBuilder.SignV1(EspImageBuilder.Bootloader(), key));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("signed for Secure Boot v1", result.Reason, StringComparison.Ordinal);
        Assert.Contains("ECDSA-P256 (Secure Boot v1)", Assert.Single(result.Evidence).Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secure_Boot_v2_signatures_and_unsigned_images_pass_CMP2044()
    {
        using var rsa = RSA.Create(3072);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var rsaV2 = await JudgeAsync("CMP2044", "bootloader.bin", EspSignatureBuilder.SignV2(EspImageBuilder.Bootloader(), rsa));
        var ecdsaV2 = await JudgeAsync("CMP2044", "app.bin", EspSignatureBuilder.SignV2(EspImageBuilder.App(), ecdsa));
        var unsigned = await JudgeAsync("CMP2044", "app.bin", EspImageBuilder.App());

        Assert.All([rsaV2, ecdsaV2, unsigned], r => Assert.Equal(Outcome.Pass, r.Outcome));
    }

    [Fact]
    public async Task CMP2044_is_not_applicable_to_formats_other_than_ESP_IDF()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2044", "vbmeta.img", VbmetaBuilder.Build(key));

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("the Android vbmeta format cannot show 'esp-secure-boot-v1'", result.Reason, StringComparison.Ordinal);
    }
}

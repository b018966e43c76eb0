using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Inspection;
using static ComplianceAuditor.Update.Esp.Tests.EspTestInputs;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>The esptool samples of the shared corpus, each asserted to give what its SOURCES.md row names.</summary>
public sealed class EspCorpusTests
{
    private const string Images = "corpus/esptool/test/images/";
    private const string Secure = "corpus/esptool/test/secure_images/";

    [SharedFact(Images + "esp_idf_blink_esp32s2.bin")]
    public void Blink_is_an_unsigned_app_with_secure_version_zero_and_a_valid_sha256()
    {
        var result = Image(Corpus(Images + "esp_idf_blink_esp32s2.bin"));

        Assert.Null(result.Problem);
        Assert.Empty(result.Signatures);
        Assert.Equal("qa-test-v5.0-20220830-4-g4532e6", result.Version);
        Assert.Equal("blink", Fact(result, "project"));
        Assert.Equal("ESP32-S2 (chip id 0x2)", Fact(result, "chip"));
        Assert.Equal("6", Fact(result, "segments"));
        Assert.Equal(0ul, result.Rollback!.Value);
        Assert.True(result.Integrity!.Matches);
        Assert.Equal("esp-secure-version-zero", Assert.Single(result.Weaknesses).Code);
    }

    [SharedFact(Secure + "bootloader_signed_v2_rsa.bin")]
    public void Sbv2_rsa_bootloader_is_signed_with_esptool_s_published_key()
    {
        var result = Image(Corpus(Secure + "bootloader_signed_v2_rsa.bin"));

        var finding = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.SignedWithTestKey, finding.Status);
        Assert.Equal("RSA-3072-PSS", finding.Algorithm);
        Assert.Equal("cb2791a371b0c0322bf7370478ba0962224cab1cf2287879e429673e7da84463", finding.KeyId);
        Assert.Contains(finding.TestKey!.Origins, o => o.Path == "test/secure_images/rsa_secure_boot_signing_key.pem");
        Assert.False(result.RollbackSupported);
        Assert.Null(result.Rollback);
        Assert.Equal("at 0x8000, 1 signature block(s)", Fact(result, "secure boot v2 sector"));
    }

    [SharedFact(Secure + "bootloader_signed_v2_ecdsa256.bin")]
    public void Sbv2_ecdsa_bootloaders_are_signed_with_esptool_s_published_keys()
    {
        foreach (var (curve, algorithm) in new[] { ("ecdsa192", "ECDSA-P192"), ("ecdsa256", "ECDSA-P256"), ("ecdsa384", "ECDSA-P384") })
        {
            var finding = Assert.Single(Image(Corpus(Secure + $"bootloader_signed_v2_{curve}.bin")).Signatures);

            Assert.Equal(algorithm, finding.Algorithm);
            Assert.Equal(SignatureStatus.SignedWithTestKey, finding.Status);
            Assert.Contains(finding.TestKey!.Origins, o => o.Path == $"test/secure_images/{curve}_secure_boot_signing_key.pem");
        }
    }

    [SharedFact(Secure + "bootloader_multi_signed_v2_rsa.bin")]
    public void Multi_signed_bootloaders_have_three_distinct_test_key_signers()
    {
        foreach (var scheme in new[] { "rsa", "ecdsa192", "ecdsa256", "ecdsa384" })
        {
            var result = Image(Corpus(Secure + $"bootloader_multi_signed_v2_{scheme}.bin"));

            Assert.Equal(3, result.Signatures.Count);
            Assert.Equal(3, result.DistinctSigners);
            Assert.All(result.Signatures, s => Assert.Equal(SignatureStatus.SignedWithTestKey, s.Status));
        }
    }

    [SharedFact(Secure + "bootloader_unsigned_v2.bin")]
    public void Unsigned_bootloaders_carry_a_valid_digest_and_no_signature()
    {
        string[] paths = [Secure + "bootloader_unsigned_v2.bin", Secure + "bootloader.bin", Images + "bootloader_esp32_v5_2.bin", Images + "bootloader_esp32c3.bin"];
        foreach (var path in paths)
        {
            var result = Image(Corpus(path));

            Assert.Null(result.Problem);
            Assert.Empty(result.Signatures);
            Assert.Equal(AuthenticationSupport.Optional, result.Authentication);
            Assert.True(result.Integrity!.Matches, path);
            Assert.False(result.RollbackSupported);
        }
    }

    [SharedFact(Images + "bootloader_esp32_v5_2.bin")]
    public void An_idf_5_2_bootloader_names_itself_in_its_description_record()
    {
        var result = Image(Corpus(Images + "bootloader_esp32_v5_2.bin"));

        Assert.Equal("bootloader (esp_bootloader_desc_t)", Fact(result, "image kind"));
        Assert.Equal("v5.2-dev-254-g1950b15", Fact(result, "idf version"));
        Assert.Equal("1", Fact(result, "bootloader version"));
    }

    [SharedFact(Images + "bootloader_esp32.bin")]
    public void An_old_esp32_bootloader_has_only_the_checksum()
    {
        var result = Image(Corpus(Images + "bootloader_esp32.bin"));

        Assert.Empty(result.Signatures);
        Assert.Equal("XOR checksum", result.Integrity!.Kind);
        Assert.True(result.Integrity.Matches);
    }

    [SharedFact(Secure + "bootloader_signed.bin")]
    public void The_secure_boot_v1_bootloader_verifies_with_esptool_s_published_p256_key()
    {
        var result = Image(Corpus(Secure + "bootloader_signed.bin"));

        var finding = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.SignedWithTestKey, finding.Status);
        Assert.Equal("ECDSA-P256 (Secure Boot v1)", finding.Algorithm);
        Assert.Contains(finding.TestKey!.Origins, o => o.Path == "test/secure_images/ecdsa256_secure_boot_signing_key.pem");
        Assert.Equal("at 0x54c0", Fact(result, "secure boot v1 signature"));
        Assert.Contains(result.Weaknesses, w => w.Code == "esp-secure-boot-v1");
    }

    [SharedFact(Secure + "hello-world-signed.bin")]
    public void The_secure_boot_v1_app_is_signed_by_a_key_not_at_hand_with_secure_version_zero()
    {
        var result = Image(Corpus(Secure + "hello-world-signed.bin"));

        Assert.Null(result.Problem);
        Assert.Equal(SignatureStatus.UnknownKey, Assert.Single(result.Signatures).Status);
        Assert.Equal("hello-world", Fact(result, "project"));
        Assert.Equal(0ul, result.Rollback!.Value);
        Assert.Contains(result.Weaknesses, w => w.Code == "esp-secure-version-zero");
        Assert.True(result.Integrity!.Matches);
    }

    [SharedFact(Images + "ram_helloworld/helloworld-esp32.bin")]
    public void The_per_chip_hello_worlds_verify_and_the_edited_one_fails_its_sha256()
    {
        var folder = Path.Combine(RepositoryPaths.Shared, Images, "ram_helloworld");
        var files = Directory.GetFiles(folder, "helloworld-esp32*.bin").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(11, files.Count);
        foreach (var file in files)
        {
            var result = Image(File.ReadAllBytes(file));
            Assert.Null(result.Problem);
            Assert.Equal(!file.EndsWith("_edit.bin", StringComparison.Ordinal), result.Integrity!.Matches);
        }

        Assert.Equal("ESP32-C61 (chip id 0x14)", Fact(Image(Corpus(Images + "ram_helloworld/helloworld-esp32c61.bin")), "chip"));
    }
}

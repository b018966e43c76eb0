using System.Security.Cryptography;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Tests.Update;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Mcuboot;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Tests;

/// <summary>MCUboot images verified as the bootloader does: our own signed images, and the samples of the shared corpus.</summary>
public sealed class McubootFormatTests
{
    private static readonly byte[] Body = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))];

    private static UpdateInspection Inspect(byte[] bytes, params byte[][] trusted)
    {
        var anchors = new TrustAnchors([.. trusted.Select((spki, i) => new TrustedKey($"key{i}.pem", spki, Convert.ToHexStringLower(SHA256.HashData(spki))))], []);
        return new McubootFormat().Inspect(new UpdateInput(bytes, "image.bin", anchors))!;
    }

    private static UpdateInspection Verify(byte[] bytes, params byte[][] trusted)
    {
        var inspection = Inspect(bytes, trusted);
        Assert.Null(inspection.Problem);
        return inspection;
    }

    private static SignatureStatus Status(UpdateInspection inspection) =>
        inspection.Signatures.Count == 0 ? SignatureStatus.NotSigned : Assert.Single(inspection.Signatures).Status;

    [Fact]
    public void An_image_signed_with_a_trusted_key_verifies_and_shows_its_version_and_counter()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = McubootImageBuilder.Build(Body, key, securityCounter: 7);

        var result = Verify(bytes, key.ExportSubjectPublicKeyInfo());

        Assert.Equal(SignatureStatus.VerifiedTrusted, Status(result));
        Assert.True(result.Integrity!.Matches);
        Assert.Equal(7ul, result.Rollback!.Value);
        Assert.Equal("protected TLV 0x50", result.Rollback.Location);
        Assert.Equal("1.2.3+0", result.Version);
    }

    [Fact]
    public void Without_the_signer_s_key_the_signature_is_from_an_unknown_key_and_with_another_key_it_is_invalid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = McubootImageBuilder.Build(Body, key);

        Assert.Equal(SignatureStatus.UnknownKey, Status(Verify(bytes)));
        var withOther = Assert.Single(Verify(bytes, other.ExportSubjectPublicKeyInfo()).Signatures);
        Assert.Equal(SignatureStatus.UnknownKey, withOther.Status);
        Assert.Contains("none of the 1 trusted key(s)", withOther.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_changed_after_signing_makes_the_image_invalid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = McubootImageBuilder.Build(Body, key);
        bytes[600] ^= 0x01;

        var result = Verify(bytes, key.ExportSubjectPublicKeyInfo());

        Assert.Equal(SignatureStatus.Invalid, Status(result));
        Assert.False(result.Integrity!.Matches);
    }

    [Fact]
    public void An_image_with_a_digest_but_no_signature_is_not_signed()
    {
        var result = Verify(McubootImageBuilder.Build(Body, signer: null));

        Assert.Equal(SignatureStatus.NotSigned, Status(result));
        Assert.True(result.Integrity!.Matches);
        Assert.Null(result.Rollback);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4100)]
    [InlineData(4620)]
    public void A_truncated_image_names_its_defect_and_throws_nothing(int length)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = McubootImageBuilder.Build(Body, key)[..length];

        var inspection = Inspect(bytes, key.ExportSubjectPublicKeyInfo());

        Assert.NotNull(inspection.Problem);
        Assert.StartsWith("the MCUboot image is malformed: ", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_behind_the_magic_never_throw()
    {
        var random = new Random(6);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(32, 2048)];
            random.NextBytes(bytes);
            BitConverter.GetBytes(McubootHeader.Magic).CopyTo(bytes, 0);
            _ = new McubootFormat().Inspect(new UpdateInput(bytes, "random.bin", TrustAnchors.Empty));
        }
    }

    [SharedFact("corpus/smpclient/tests/fixtures/zephyr-v3.5.0-2795-g28ff83515d/hello_world.signed.bin")]
    public void Zephyr_hello_world_is_signed_with_mcuboot_s_published_rsa_key()
    {
        var bytes = Corpus("smpclient/tests/fixtures/zephyr-v3.5.0-2795-g28ff83515d/hello_world.signed.bin");

        var byHash = Verify(bytes);
        var byKey = Verify(bytes, PublicKey("mcuboot/root-rsa-2048.pem"));

        var unanchored = Assert.Single(byHash.Signatures);
        Assert.Equal(SignatureStatus.SignedWithTestKey, unanchored.Status);
        Assert.Equal("fc5701dc6135e1323847bdc40f04d2e5bee5833b23c29f93593d00018cfa9994", unanchored.KeyId);
        Assert.Equal("RSA-2048-PSS", unanchored.Algorithm);
        var anchored = Assert.Single(byKey.Signatures);
        Assert.Equal(SignatureStatus.SignedWithTestKey, anchored.Status);
        Assert.Contains("which is a published test key", anchored.Reason, StringComparison.Ordinal);
        Assert.Null(byKey.Rollback);
        Assert.Contains(byKey.Weaknesses, w => w.Code == "mcuboot-version-zero");
    }

    [SharedFact("corpus/smpclient/tests/fixtures/tf-m-9a4cb1a28/tfm_s_signed.bin")]
    public void TF_M_s_secure_image_verifies_with_the_published_p256_key_and_has_security_counter_1()
    {
        var result = Verify(Corpus("smpclient/tests/fixtures/tf-m-9a4cb1a28/tfm_s_signed.bin"), PublicKey("mcuboot/root-ec-p256.pem"));

        Assert.Equal(SignatureStatus.SignedWithTestKey, Status(result));
        Assert.Equal(1ul, result.Rollback!.Value);
    }

    [SharedFact("corpus/smpclient/tests/fixtures/smp-server")]
    public void Zephyr_images_named_signed_carry_only_a_digest()
    {
        var folder = Path.Combine(RepositoryPaths.Shared, "corpus", "smpclient", "tests", "fixtures", "smp-server");
        var files = Directory.GetFiles(folder, "*.signed.bin");

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Equal(SignatureStatus.NotSigned, Status(Verify(File.ReadAllBytes(file)))));
    }

    private static byte[] Corpus(string path) => File.ReadAllBytes(Path.Combine(RepositoryPaths.Shared, "corpus", path));

    /// <summary>The public half of a corpus key file, as SubjectPublicKeyInfo DER.</summary>
    private static byte[] PublicKey(string path)
    {
        var pem = File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "corpus", path));
        using var ecdsa = ECDsa.Create();
        using var rsa = RSA.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            return ecdsa.ExportSubjectPublicKeyInfo();
        }
        catch (ArgumentException)
        {
            rsa.ImportFromPem(pem);
            return rsa.ExportSubjectPublicKeyInfo();
        }
        catch (CryptographicException)
        {
            rsa.ImportFromPem(pem);
            return rsa.ExportSubjectPublicKeyInfo();
        }
    }
}

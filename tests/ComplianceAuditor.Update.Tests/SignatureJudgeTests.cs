using System.Security.Cryptography;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Tests;

/// <summary>The five verdicts a signature can get, and the order keys are tried in.</summary>
public sealed class SignatureJudgeTests
{
    private static readonly byte[] Message = "manifest"u8.ToArray();

    private static TrustAnchors Anchors(params ECDsa[] keys) =>
        new([.. keys.Select((k, i) => new TrustedKey($"anchor{i}.pem", k.ExportSubjectPublicKeyInfo(), Convert.ToHexStringLower(SHA256.HashData(k.ExportSubjectPublicKeyInfo()))))], []);

    private static SignatureJudge.Candidate Signed(ECDsa signer, byte[]? embedded = null, KnownTestKey? named = null)
    {
        var signature = signer.SignData(Message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var scheme = SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA256, false);
        return new("ES256", spki => PublicKeyVerifier.Verifies(scheme, spki, Message, signature), null, named, embedded);
    }

    [Fact]
    public void A_trust_anchor_that_verifies_gives_verified_trusted_and_names_the_anchor()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var finding = SignatureJudge.Judge(Signed(key), Anchors(other, key));

        Assert.Equal(SignatureStatus.VerifiedTrusted, finding.Status);
        Assert.Equal("anchor1.pem", finding.TrustedKey);
        Assert.True(finding.IsValid);
    }

    [Fact]
    public void A_key_carried_by_the_image_gives_valid_unknown_key_or_invalid_when_it_does_not_verify()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var valid = SignatureJudge.Judge(Signed(key, key.ExportSubjectPublicKeyInfo()), TrustAnchors.Empty);
        var invalid = SignatureJudge.Judge(Signed(key, other.ExportSubjectPublicKeyInfo()), TrustAnchors.Empty);
        var untrusted = SignatureJudge.Judge(Signed(key, key.ExportSubjectPublicKeyInfo()), Anchors(other));

        Assert.Equal(SignatureStatus.ValidUnknownKey, valid.Status);
        Assert.Contains("no --public-key was given", valid.Reason, StringComparison.Ordinal);
        Assert.Equal(SignatureStatus.Invalid, invalid.Status);
        Assert.False(invalid.IsValid);
        Assert.Equal(SignatureStatus.ValidUnknownKey, untrusted.Status);
        Assert.Contains("none of the 1 trusted key(s)", untrusted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_key_the_signer_is_unknown_and_a_named_test_key_that_does_not_verify_makes_it_invalid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var testKey = KnownTestKeys.PublicKeys.First(k => k.Key.Type == "EC-secp256r1").Key;

        Assert.Equal(SignatureStatus.UnknownKey, SignatureJudge.Judge(Signed(key), TrustAnchors.Empty).Status);

        // The image names a published key whose public half is at hand, and the signature is not by it: the image
        // was changed after signing (a recomputed digest), not signed by the test key.
        var named = SignatureJudge.Judge(Signed(key, named: testKey), TrustAnchors.Empty);
        Assert.Equal(SignatureStatus.Invalid, named.Status);
        Assert.Same(testKey, named.TestKey);
        Assert.Contains("names a published test key", named.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_key_named_by_digest_whose_public_half_is_not_at_hand_is_reported_unverified()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // Every catalogue key has its public half today; a digest-only entry is what a future catalogue may hold.
        var withoutPublicHalf = new KnownTestKey(new string('0', 64), "EC-secp256r1", [new KnownTestKeyOrigin("example/sdk", new string('0', 40), "keys/sample.pem")]);

        var named = SignatureJudge.Judge(Signed(key, named: withoutPublicHalf), TrustAnchors.Empty);

        Assert.Equal(SignatureStatus.SignedWithTestKey, named.Status);
        Assert.Contains("names by digest", named.Reason, StringComparison.Ordinal);
    }

    [SharedFact("corpus/mcuboot/root-ec-p256.pem")]
    public void A_signature_by_a_published_test_key_is_recognised_by_verifying_with_the_catalogue_s_public_halves()
    {
        using var published = ECDsa.Create();
        published.ImportFromPem(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "corpus", "mcuboot", "root-ec-p256.pem")));

        var finding = SignatureJudge.Judge(Signed(published), TrustAnchors.Empty);

        Assert.Equal(SignatureStatus.SignedWithTestKey, finding.Status);
        Assert.Contains(finding.TestKey!.Origins, o => o.Repository == "mcu-tools/mcuboot");
    }

    [SharedFact("corpus/esptool/test/secure_images/ecdsa192_secure_boot_signing_key.pem")]
    public void A_DER_signature_by_a_published_P192_key_is_recovered_on_its_own_curve_not_only_on_P256()
    {
        // r and s of a P-192 signature also fit the size window of P-256: every fitting curve must be tried.
        using var published = ECDsa.Create();
        published.ImportFromPem(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "corpus", "esptool", "test", "secure_images", "ecdsa192_secure_boot_signing_key.pem")));
        var digest = SHA256.HashData(Message);
        var signature = published.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence);

        var finding = SignatureJudge.Judge(
            SignatureJudge.Candidate.For("ECDSA", SignatureScheme.EcdsaDer(HashAlgorithmName.SHA256, signsDigest: true), digest, signature), TrustAnchors.Empty);

        Assert.Equal(SignatureStatus.SignedWithTestKey, finding.Status);
        Assert.Equal("EC-secp192r1", finding.TestKey!.Type);
    }
}

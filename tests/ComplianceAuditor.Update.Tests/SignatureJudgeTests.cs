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
    public void Without_any_key_the_signer_is_unknown_and_a_test_key_named_by_digest_is_reported()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var testKey = KnownTestKeys.All.First();

        Assert.Equal(SignatureStatus.UnknownKey, SignatureJudge.Judge(Signed(key), TrustAnchors.Empty).Status);
        var named = SignatureJudge.Judge(Signed(key, named: testKey), TrustAnchors.Empty);
        Assert.Equal(SignatureStatus.SignedWithTestKey, named.Status);
        Assert.Same(testKey, named.TestKey);
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
}

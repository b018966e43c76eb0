using System.Security.Cryptography;
using ComplianceAuditor.Update.Bundles.Swupdate;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>The signature forms of sw-description.sig (raw RSA PKCS#1 v1.5 and PSS, CMS) with fresh keys: trusted, unknown, tampered.</summary>
public sealed class SwupdateSignatureTests
{
    private readonly SwupdateBundleFormat _format = new();

    [Fact]
    public void A_bundle_signed_with_a_trusted_RSA_key_verifies_and_its_images_match()
    {
        using var key = RSA.Create(2048);
        var description = SwuBuilder.Description();
        var bytes = SwuBuilder.Build(description, SwuBuilder.SignPkcs1(key, description));

        var result = Inspect.With(_format, bytes, Inspect.Key("release.pem", key.ExportSubjectPublicKeyInfo()))!;

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.VerifiedTrusted, signature.Status);
        Assert.Equal("RSA PKCS#1 v1.5 SHA-256", signature.Algorithm);
        Assert.True(result.Integrity!.Matches);
        Assert.Equal("2.4.1", result.Version);
        Assert.False(result.RollbackSupported);
        Assert.Empty(result.Weaknesses);
        Assert.Null(result.Problem);
    }

    [Fact]
    public void Without_the_key_the_signature_is_by_an_unknown_key()
    {
        using var key = RSA.Create(2048);
        var description = SwuBuilder.Description();

        var result = Inspect.With(_format, SwuBuilder.Build(description, SwuBuilder.SignPkcs1(key, description)))!;

        Assert.Equal(SignatureStatus.UnknownKey, Assert.Single(result.Signatures).Status);
    }

    [Fact]
    public void A_sw_description_changed_after_signing_is_invalid_under_the_trusted_key()
    {
        using var key = RSA.Create(2048);
        var signature = SwuBuilder.SignPkcs1(key, SwuBuilder.Description(version: "2.4.1"));
        var bytes = SwuBuilder.Build(SwuBuilder.Description(version: "9.9.9"), signature);

        var result = Inspect.With(_format, bytes, Inspect.Key("release.pem", key.ExportSubjectPublicKeyInfo()))!;

        var finding = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.Invalid, finding.Status);
        Assert.Contains("changed after signing", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_by_another_key_is_not_called_tampering()
    {
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var description = SwuBuilder.Description();

        var result = Inspect.With(_format, SwuBuilder.Build(description, SwuBuilder.SignPkcs1(key, description)), Inspect.Key("other.pem", other.ExportSubjectPublicKeyInfo()))!;

        Assert.Equal(SignatureStatus.UnknownKey, Assert.Single(result.Signatures).Status);
    }

    [Fact]
    public void An_RSA_PSS_signature_with_the_largest_salt_verifies()
    {
        using var key = RSA.Create(2048);
        var description = SwuBuilder.Description();
        var signature = PssMaxSalt(key, description);

        var result = Inspect.With(_format, SwuBuilder.Build(description, signature), Inspect.Key("release.pem", key.ExportSubjectPublicKeyInfo()))!;

        var finding = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.VerifiedTrusted, finding.Status);
        Assert.Equal("RSA-PSS SHA-256", finding.Algorithm);
    }

    [Fact]
    public void A_CMS_signature_chains_to_the_trusted_CA_and_without_it_is_valid_for_the_carried_certificate()
    {
        using var pki = CmsFixture.Create();
        var description = SwuBuilder.Description();
        var bytes = SwuBuilder.Build(description, pki.Sign(description, encapsulate: false));

        var trusted = Inspect.With(_format, bytes, Inspect.Anchors(("ca.pem", pki.CaPem)))!;
        var alone = Inspect.With(_format, bytes)!;

        Assert.Equal(SignatureStatus.VerifiedTrusted, Assert.Single(trusted.Signatures).Status);
        Assert.StartsWith("ca.pem", trusted.Signatures[0].TrustedKey, StringComparison.Ordinal);
        Assert.Equal(SignatureStatus.ValidUnknownKey, Assert.Single(alone.Signatures).Status);
        Assert.Contains(trusted.Facts, f => f.Name == "CMS signer" && f.Value.Contains("Test Release Signer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_CMS_signature_over_another_sw_description_is_invalid()
    {
        using var pki = CmsFixture.Create();
        var signature = pki.Sign(SwuBuilder.Description(version: "1.0"), encapsulate: false);

        var result = Inspect.With(_format, SwuBuilder.Build(SwuBuilder.Description(version: "1.1"), signature), Inspect.Anchors(("ca.pem", pki.CaPem)))!;

        Assert.Equal(SignatureStatus.Invalid, Assert.Single(result.Signatures).Status);
    }

    /// <summary>PSS with the salt as long as the key allows, as <c>openssl -sigopt rsa_pss_saltlen:-2</c> makes it.</summary>
    private static byte[] PssMaxSalt(RSA key, byte[] data)
    {
        var parameters = Org.BouncyCastle.Security.PrivateKeyFactory.CreateKey(key.ExportPkcs8PrivateKey());
        var saltLength = (key.KeySize - 1 + 7) / 8 - 32 - 2;
        var signer = new Org.BouncyCastle.Crypto.Signers.PssSigner(new Org.BouncyCastle.Crypto.Engines.RsaEngine(), new Org.BouncyCastle.Crypto.Digests.Sha256Digest(), saltLength);
        signer.Init(true, parameters);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }
}

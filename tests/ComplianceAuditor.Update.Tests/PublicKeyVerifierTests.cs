using System.Security.Cryptography;
using ComplianceAuditor.Update.Trust;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace ComplianceAuditor.Update.Tests;

/// <summary>Each signature scheme verifies what its key signed, and nothing else: another message, key or encoding.</summary>
public sealed class PublicKeyVerifierTests
{
    private static readonly byte[] Message = "firmware 1.2.3"u8.ToArray();

    public static TheoryData<string> Schemes => ["rsa-pss-digest", "rsa-pkcs1-message", "ecdsa-der-digest", "ecdsa-raw-message"];

    [Theory]
    [MemberData(nameof(Schemes))]
    public void A_signature_verifies_with_its_key_and_not_with_another_or_on_another_message(string name)
    {
        var (scheme, spki, otherSpki, data, signature) = Make(name);

        Assert.True(PublicKeyVerifier.Verifies(scheme, spki, data, signature));
        Assert.False(PublicKeyVerifier.Verifies(scheme, otherSpki, data, signature));
        Assert.False(PublicKeyVerifier.Verifies(scheme, spki, [.. data, 0], signature));
    }

    [Fact]
    public void Ed25519_verifies_through_BouncyCastle()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var signer = new Ed25519Signer();
        signer.Init(true, pair.Private);
        signer.BlockUpdate(Message, 0, Message.Length);
        var signature = signer.GenerateSignature();
        var spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded();

        Assert.True(PublicKeyVerifier.Verifies(SignatureScheme.Ed25519, spki, Message, signature));
        Assert.False(PublicKeyVerifier.Verifies(SignatureScheme.Ed25519, spki, Message, signature.AsSpan(0, 63)));
        Assert.Equal("Ed25519", PublicKeyVerifier.Family(spki));
    }

    [Fact]
    public void A_key_of_the_wrong_family_or_garbage_does_not_verify_and_does_not_throw()
    {
        var (scheme, _, _, data, signature) = Make("rsa-pss-digest");
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.False(PublicKeyVerifier.Verifies(scheme, ec.ExportSubjectPublicKeyInfo(), data, signature));
        Assert.False(PublicKeyVerifier.Verifies(scheme, [0x30, 0x03, 0x02, 0x01], data, signature));
        Assert.Null(PublicKeyVerifier.Family([1, 2, 3]));
    }

    private static (SignatureScheme Scheme, byte[] Spki, byte[] OtherSpki, byte[] Data, byte[] Signature) Make(string name)
    {
        var digest = SHA256.HashData(Message);
        if (name.StartsWith("rsa", StringComparison.Ordinal))
        {
            using var rsa = RSA.Create(2048);
            using var other = RSA.Create(2048);
            return name == "rsa-pss-digest"
                ? (SignatureScheme.RsaPss(HashAlgorithmName.SHA256, true), rsa.ExportSubjectPublicKeyInfo(), other.ExportSubjectPublicKeyInfo(), digest,
                    rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
                : (SignatureScheme.RsaPkcs1(HashAlgorithmName.SHA256, false), rsa.ExportSubjectPublicKeyInfo(), other.ExportSubjectPublicKeyInfo(), Message,
                    rsa.SignData(Message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }

        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherEc = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return name == "ecdsa-der-digest"
            ? (SignatureScheme.EcdsaDer(HashAlgorithmName.SHA256, true), ec.ExportSubjectPublicKeyInfo(), otherEc.ExportSubjectPublicKeyInfo(), digest,
                ec.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence))
            : (SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA256, false), ec.ExportSubjectPublicKeyInfo(), otherEc.ExportSubjectPublicKeyInfo(), Message,
                ec.SignData(Message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}

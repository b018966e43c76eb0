using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// RSA keys are described from their numbers directly, never through BouncyCastle's key parameter classes: those
/// test every modulus for primality on construction, which costs a second for one 8192-bit key (and eight for a
/// 16384-bit modulus a hostile file could hold). Describing a key needs none of that.
/// </summary>
internal static class RsaKeys
{
    private static readonly AlgorithmIdentifier RsaEncryption = new(PkcsObjectIdentifiers.RsaEncryption, DerNull.Instance);

    public static bool IsRsa(AlgorithmIdentifier algorithm) =>
        algorithm.Algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption) || algorithm.Algorithm.Equals(PkcsObjectIdentifiers.IdRsassaPss);

    /// <summary>The item for public numbers (n, e); the SPKI uses <paramref name="algorithm"/>, rsaEncryption by default.</summary>
    public static Verdict Item(KeyKind kind, string format, BigInteger modulus, BigInteger exponent, AlgorithmIdentifier? algorithm = null)
    {
        if (modulus.SignValue <= 0 || !modulus.TestBit(0) || modulus.BitLength < 256 || exponent.SignValue <= 0)
        {
            return Verdict.Reject("not a valid RSA key: the modulus is even, tiny or not positive");
        }

        var spki = new SubjectPublicKeyInfo(algorithm ?? RsaEncryption, new RsaPublicKeyStructure(modulus, exponent));
        return Verdict.Of(new KeyMaterialItem
        {
            Kind = kind,
            Format = format,
            Algorithm = KeyAlgorithm.Rsa,
            Bits = modulus.BitLength,
            SpkiSha256 = PublicKeyFacts.Fingerprint(spki),
        });
    }

    /// <summary>A private key whose primes multiply to its modulus.</summary>
    public static Verdict FromPrivate(string format, RsaPrivateKeyStructure key, AlgorithmIdentifier? algorithm = null) =>
        Consistent(key.Modulus, key.Prime1, key.Prime2)
            ? Item(KeyKind.PrivateKey, format, key.Modulus, key.PublicExponent, algorithm)
            : Verdict.Reject("RSA private key is inconsistent: p times q is not the modulus");

    public static bool Consistent(BigInteger modulus, BigInteger p, BigInteger q) =>
        p.SignValue <= 0 || q.SignValue <= 0 || p.Multiply(q).Equals(modulus);

    /// <summary>The item for an RSA SubjectPublicKeyInfo, fingerprinted as given (an RSASSA-PSS one keeps its OID).</summary>
    public static Verdict FromSpki(SubjectPublicKeyInfo spki, KeyKind kind, string format)
    {
        var key = RsaPublicKeyStructure.GetInstance(spki.ParsePublicKey());
        var verdict = Item(kind, format, key.Modulus, key.PublicExponent, spki.Algorithm);
        return verdict.Item is { } item ? Verdict.Of(item with { SpkiSha256 = PublicKeyFacts.Fingerprint(spki) }) : verdict;
    }

    /// <summary>
    /// Verifies a PKCS#1 v1.5 signature with the platform's RSA. The public exponent is limited to 64 bits, which every
    /// real key meets, because the work of one verification grows with the exponent's length.
    /// </summary>
    public static bool Verifies(SubjectPublicKeyInfo spki, string signatureOid, byte[] data, byte[] signature)
    {
        var hash = signatureOid switch
        {
            "1.2.840.113549.1.1.4" => HashAlgorithmName.MD5,
            "1.2.840.113549.1.1.5" => HashAlgorithmName.SHA1,
            "1.2.840.113549.1.1.11" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
            _ => default,
        };
        var key = RsaPublicKeyStructure.GetInstance(spki.ParsePublicKey());
        if (hash == default || key.PublicExponent.BitLength > 64 || key.Modulus.BitLength > 16384)
        {
            return false;
        }

        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = key.Modulus.ToByteArrayUnsigned(), Exponent = key.PublicExponent.ToByteArrayUnsigned() });
        return rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
    }
}

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>Private keys in PKCS#8, PKCS#1, SEC1 and OpenSSL's DSA layout, checked for consistency.</summary>
internal static class PrivateKeyReader
{
    public static Verdict FromPkcs8(PrivateKeyInfo info)
    {
        if (RsaKeys.IsRsa(info.PrivateKeyAlgorithm))
        {
            return RsaKeys.FromPrivate("PKCS#8", RsaPrivateKeyStructure.GetInstance(info.ParsePrivateKey()), info.PrivateKeyAlgorithm);
        }

        var key = PrivateKeyFactory.CreateKey(info);
        if (key is ECPrivateKeyParameters ec && ECPrivateKeyStructure.GetInstance(info.ParsePrivateKey()).PublicKey is { } stored
            && !StoredPointMatches(ec, stored))
        {
            return Verdict.Reject("the public key stored with the EC private key does not match it");
        }

        return Describe(key, "PKCS#8");
    }

    public static Verdict FromPkcs1(RsaPrivateKeyStructure rsa) => RsaKeys.FromPrivate("PKCS#1", rsa);

    /// <summary>OpenSSL's traditional DSA key: SEQUENCE { 0, p, q, g, y, x }.</summary>
    public static Verdict FromOpenSslDsa(Asn1Sequence sequence)
    {
        var values = new Org.BouncyCastle.Math.BigInteger[6];
        for (var i = 0; i < 6; i++)
        {
            values[i] = DerInteger.GetInstance(sequence[i]).Value;
        }

        var key = new DsaPrivateKeyParameters(values[5], new DsaParameters(values[1], values[2], values[3]));
        if (PublicKeyDerivation.Derive(key, out var inconsistency) is not DsaPublicKeyParameters derived)
        {
            return Verdict.Reject(inconsistency ?? "DSA private key has no public key");
        }

        return derived.Y.Equals(values[4])
            ? Verdict.Of(PublicKeyFacts.Item(KeyKind.PrivateKey, "OpenSSL DSA", derived))
            : Verdict.Reject("DSA private key is inconsistent: y is not g^x mod p");
    }

    /// <summary>SEC1 ECPrivateKey (RFC 5915), which names its curve itself.</summary>
    public static Verdict FromSec1(Asn1Sequence sequence)
    {
        var structure = ECPrivateKeyStructure.GetInstance(sequence);
        if (structure.Parameters is null)
        {
            return Verdict.Reject("SEC1 EC private key without curve parameters");
        }

        var info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, structure.Parameters), structure);
        var key = (ECPrivateKeyParameters)PrivateKeyFactory.CreateKey(info);
        if (structure.PublicKey is { } stored && !StoredPointMatches(key, stored))
        {
            return Verdict.Reject("the public key stored with the EC private key does not match it");
        }

        return Describe(key, "SEC1");
    }

    /// <summary>The item for any private key: facts of its public half, or of the key itself when none can be computed.</summary>
    public static Verdict Describe(AsymmetricKeyParameter privateKey, string format)
    {
        if (privateKey is ECPrivateKeyParameters ec && ec.Parameters.Curve.FieldSize > PublicKeyFacts.MaxEcFieldBits)
        {
            return Verdict.Reject("EC curve field is larger than any real curve");
        }

        var publicKey = PublicKeyDerivation.Derive(privateKey, out var inconsistency);
        if (inconsistency is not null)
        {
            return Verdict.Reject(inconsistency);
        }

        if (publicKey is not null)
        {
            return Verdict.Of(PublicKeyFacts.Item(KeyKind.PrivateKey, format, publicKey));
        }

        var (algorithm, bits, curve) = PublicKeyFacts.Describe(privateKey);
        return Verdict.Of(new KeyMaterialItem { Kind = KeyKind.PrivateKey, Format = format, Algorithm = algorithm, Bits = bits, Curve = curve });
    }

    private static bool StoredPointMatches(ECPrivateKeyParameters key, DerBitString stored)
    {
        if (key.Parameters.Curve.FieldSize > PublicKeyFacts.MaxEcFieldBits)
        {
            return false;
        }

        var point = key.Parameters.Curve.DecodePoint(stored.GetOctets());
        return point.Equals(key.Parameters.G.Multiply(key.D).Normalize());
    }
}

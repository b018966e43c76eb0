using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.TeleTrust;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>Algorithm, size, curve and SPKI fingerprint of a public key.</summary>
internal static class PublicKeyFacts
{
    /// <summary>No named curve has a field above 571 bits; larger explicit curves are refused before any point arithmetic.</summary>
    public const int MaxEcFieldBits = 1024;

    public static (KeyAlgorithm Algorithm, int? Bits, string? Curve) Describe(AsymmetricKeyParameter key) => key switch
    {
        RsaKeyParameters rsa => (KeyAlgorithm.Rsa, rsa.Modulus.BitLength, null),
        DsaKeyParameters { Parameters: not null } dsa => (KeyAlgorithm.Dsa, dsa.Parameters.P.BitLength, null),
        ECKeyParameters ec => (KeyAlgorithm.Ec, ec.Parameters.Curve.FieldSize, CurveName(ec)),
        Ed25519PublicKeyParameters or Ed25519PrivateKeyParameters => (KeyAlgorithm.Ed25519, 256, null),
        Ed448PublicKeyParameters or Ed448PrivateKeyParameters => (KeyAlgorithm.Ed448, 456, null),
        X25519PublicKeyParameters or X25519PrivateKeyParameters => (KeyAlgorithm.X25519, 256, null),
        X448PublicKeyParameters or X448PrivateKeyParameters => (KeyAlgorithm.X448, 448, null),
        _ => (KeyAlgorithm.Unknown, null, null),
    };

    /// <summary>The fingerprint of a public key, encoded as SubjectPublicKeyInfo the way OpenSSL does.</summary>
    public static string Fingerprint(AsymmetricKeyParameter publicKey) =>
        Fingerprint(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey));

    /// <summary>Hashes the DER re-encoding, so a BER-encoded input gives the same value as its DER form.</summary>
    public static string Fingerprint(SubjectPublicKeyInfo spki) =>
        Convert.ToHexStringLower(SHA256.HashData(spki.GetEncoded(Asn1Encodable.Der)));

    /// <summary>A key item with the facts of <paramref name="publicKey"/>.</summary>
    public static KeyMaterialItem Item(KeyKind kind, string format, AsymmetricKeyParameter publicKey, string? fingerprint = null)
    {
        var (algorithm, bits, curve) = Describe(publicKey);
        return new KeyMaterialItem
        {
            Kind = kind,
            Format = format,
            Algorithm = algorithm,
            Bits = bits,
            Curve = curve,
            SpkiSha256 = fingerprint ?? Fingerprint(publicKey),
        };
    }

    private static string? CurveName(ECKeyParameters key)
    {
        var oid = (key.Parameters as ECNamedDomainParameters)?.Name ?? key.PublicKeyParamSet;
        if (oid is null)
        {
            return null;
        }

        // SEC names first: they are what OpenSSL prints and what the catalogue of test keys uses.
        return SecNamedCurves.GetName(oid) ?? X962NamedCurves.GetName(oid) ?? NistNamedCurves.GetName(oid)
            ?? TeleTrusTNamedCurves.GetName(oid) ?? ECNamedCurveTable.GetName(oid) ?? oid.Id;
    }
}

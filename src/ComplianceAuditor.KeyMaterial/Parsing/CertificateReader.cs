using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>X.509 certificates: the facts an audit needs, and the key they carry.</summary>
internal static class CertificateReader
{
    public static Verdict Read(Asn1Sequence sequence)
    {
        var certificate = new X509Certificate(X509CertificateStructure.GetInstance(sequence));
        var spki = certificate.CertificateStructure.SubjectPublicKeyInfo;
        var fingerprint = PublicKeyFacts.Fingerprint(spki);
        var rsa = RsaKeys.IsRsa(spki.Algorithm);
        var publicKey = rsa ? null : TryReadKey(spki);
        var selfIssued = certificate.IssuerDN.Equivalent(certificate.SubjectDN);
        var info = new CertificateInfo
        {
            Subject = certificate.SubjectDN.ToString(),
            Issuer = certificate.IssuerDN.ToString(),
            NotBefore = new DateTimeOffset(DateTime.SpecifyKind(certificate.NotBefore, DateTimeKind.Utc)),
            NotAfter = new DateTimeOffset(DateTime.SpecifyKind(certificate.NotAfter, DateTimeKind.Utc)),
            SerialHex = certificate.SerialNumber.ToString(16).ToLowerInvariant(),
            SignatureAlgorithm = certificate.SigAlgName,
            SignatureAlgorithmOid = certificate.SigAlgOid,
            IsSelfSigned = selfIssued && (rsa ? RsaVerifies(certificate, spki) : publicKey is not null && SignatureVerifies(certificate, publicKey)),
            IsCa = IsCa(certificate),
            KeyUsage = KeyUsage(certificate),
            ExtendedKeyUsages = ExtendedKeyUsages(certificate),
        };

        var keyVerdict = rsa ? RsaKeys.FromSpki(spki, KeyKind.Certificate, "X.509") : default;
        var item = keyVerdict.Item
            ?? (publicKey is null
                ? new KeyMaterialItem { Kind = KeyKind.Certificate, Format = "X.509", SpkiSha256 = fingerprint }
                : PublicKeyFacts.Item(KeyKind.Certificate, "X.509", publicKey, fingerprint));
        return Verdict.Of(item with { Certificate = info });
    }

    /// <summary>A certificate whose key BouncyCastle cannot read (GOST, unusual parameters) is still a certificate.</summary>
    private static AsymmetricKeyParameter? TryReadKey(SubjectPublicKeyInfo spki)
    {
#pragma warning disable CA1031 // Any failure to read the key only means its facts stay unknown.
        try
        {
            return DsaBounds.Check(spki) is null ? PublicKeyFactory.CreateKey(spki) : null;
        }
        catch (Exception)
        {
            return null;
        }
#pragma warning restore CA1031
    }

    /// <summary>
    /// Verifies only where the work is bounded: an RSA exponent of up to 64 bits (a huge exponent taken from the file
    /// would make one verification take minutes), DSA with a q of up to 512 bits, EC on fields of real size.
    /// </summary>
    private static bool SignatureVerifies(X509Certificate certificate, AsymmetricKeyParameter key)
    {
        var affordable = key switch
        {
            DsaPublicKeyParameters dsa => dsa.Parameters.Q.BitLength <= 512,
            ECPublicKeyParameters ec => ec.Parameters.Curve.FieldSize <= PublicKeyFacts.MaxEcFieldBits,
            Ed25519PublicKeyParameters or Ed448PublicKeyParameters => true,
            _ => false,
        };
#pragma warning disable CA1031 // A signature that cannot be checked is a signature not shown to verify.
        try
        {
            return affordable && certificate.IsSignatureValid(key);
        }
        catch (Exception)
        {
            return false;
        }
#pragma warning restore CA1031
    }

    private static bool RsaVerifies(X509Certificate certificate, SubjectPublicKeyInfo spki)
    {
#pragma warning disable CA1031 // A signature that cannot be checked is a signature not shown to verify.
        try
        {
            return RsaKeys.Verifies(spki, certificate.SigAlgOid, certificate.GetTbsCertificate(), certificate.GetSignature());
        }
        catch (Exception)
        {
            return false;
        }
#pragma warning restore CA1031
    }

    private static bool IsCa(X509Certificate certificate)
    {
        var extension = certificate.CertificateStructure.TbsCertificate.Extensions?.GetExtension(X509Extensions.BasicConstraints);
        return extension is not null && BasicConstraints.GetInstance(extension.GetParsedValue()).IsCA();
    }

    private static CertificateKeyUsage KeyUsage(X509Certificate certificate)
    {
        var bits = certificate.GetKeyUsage();
        var usage = CertificateKeyUsage.None;
        for (var i = 0; bits is not null && i < bits.Length && i < 9; i++)
        {
            if (bits[i])
            {
                usage |= (CertificateKeyUsage)(1 << i);
            }
        }

        return usage;
    }

    private static string[] ExtendedKeyUsages(X509Certificate certificate)
    {
        var oids = certificate.GetExtendedKeyUsage();
        return oids is null ? [] : [.. oids.Select(oid => oid.Id)];
    }
}

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>Reads one DER structure (from a binary or from a decoded PEM body) with the reader its shape calls for.</summary>
internal static class DerKeyReader
{
    public static Verdict Read(ReadOnlySpan<byte> der)
    {
        var shape = DerShapeClassifier.Classify(der);
        if (shape == DerShapeKind.Pkcs12)
        {
            return Pkcs12Reader.Read(der);
        }

        if (shape == DerShapeKind.Unknown)
        {
            return Verdict.Reject("DER structure is not a key, certificate or PKCS#12 layout");
        }

        var sequence = Asn1Input.ParseSequence(der);
        if (sequence is null)
        {
            return Verdict.Reject("not well-formed DER, or nested or sized beyond the limits");
        }

        return shape switch
        {
            DerShapeKind.Pkcs8PrivateKey => PrivateKeyReader.FromPkcs8(PrivateKeyInfo.GetInstance(sequence)),
            DerShapeKind.Pkcs1RsaPrivateKey => PrivateKeyReader.FromPkcs1(RsaPrivateKeyStructure.GetInstance(sequence)),
            DerShapeKind.OpenSslDsaPrivateKey => PrivateKeyReader.FromOpenSslDsa(sequence),
            DerShapeKind.Sec1EcPrivateKey => PrivateKeyReader.FromSec1(sequence),
            DerShapeKind.Certificate => CertificateReader.Read(sequence),
            DerShapeKind.CertificateRequest => ReadRequest(sequence),
            DerShapeKind.SubjectPublicKeyInfo => ReadSpki(SubjectPublicKeyInfo.GetInstance(sequence)),
            DerShapeKind.EncryptedPrivateKeyInfo => ReadEncrypted(EncryptedPrivateKeyInfo.GetInstance(sequence)),
            DerShapeKind.Pkcs1RsaPublicKey => ReadRsaPublic(RsaPublicKeyStructure.GetInstance(sequence)),
            _ => Verdict.Reject("DER structure is not a key, certificate or PKCS#12 layout"),
        };
    }

    public static Verdict ReadSpki(SubjectPublicKeyInfo spki)
    {
        if (RsaKeys.IsRsa(spki.Algorithm))
        {
            return RsaKeys.FromSpki(spki, KeyKind.PublicKey, "SubjectPublicKeyInfo");
        }

        if (DsaBounds.Check(spki) is { } tooLarge)
        {
            return Verdict.Reject(tooLarge);
        }

        var key = PublicKeyFactory.CreateKey(spki);
        return Verdict.Of(PublicKeyFacts.Item(KeyKind.PublicKey, "SubjectPublicKeyInfo", key, PublicKeyFacts.Fingerprint(spki)));
    }

    private static Verdict ReadRsaPublic(RsaPublicKeyStructure structure) =>
        RsaKeys.Item(KeyKind.PublicKey, "PKCS#1 RSAPublicKey", structure.Modulus, structure.PublicExponent);

    private static Verdict ReadRequest(Asn1Sequence sequence)
    {
        var request = new Pkcs10CertificationRequest(sequence);
        var spki = request.GetCertificationRequestInfo().SubjectPublicKeyInfo;
        if (DsaBounds.Check(spki) is { } tooLarge)
        {
            return Verdict.Reject(tooLarge);
        }

        var verdict = RsaKeys.IsRsa(spki.Algorithm)
            ? RsaKeys.FromSpki(spki, KeyKind.CertificateRequest, "PKCS#10")
            : Verdict.Of(PublicKeyFacts.Item(
                KeyKind.CertificateRequest, "PKCS#10", PublicKeyFactory.CreateKey(spki), PublicKeyFacts.Fingerprint(spki)));
        if (verdict.Item is not { } item)
        {
            return verdict;
        }

        return Verdict.Of(item with { Note = "subject: " + request.GetCertificationRequestInfo().Subject });
    }

    /// <summary>
    /// An AlgorithmIdentifier and an OCTET STRING is also the shape of a DigestInfo, which binaries carry by the
    /// hundred; only a password-based encryption scheme makes it an encrypted key.
    /// </summary>
    private static Verdict ReadEncrypted(EncryptedPrivateKeyInfo info)
    {
        var scheme = PbeSchemes.Describe(info.EncryptionAlgorithm);
        if (scheme is null || info.GetEncryptedData().Length < 16)
        {
            return Verdict.Reject("AlgorithmIdentifier and OCTET STRING, but not a password-based encryption scheme");
        }

        return Verdict.Of(new KeyMaterialItem
        {
            Kind = KeyKind.EncryptedPrivateKey,
            Format = "PKCS#8 EncryptedPrivateKeyInfo",
            Note = "encrypted with " + scheme,
        });
    }
}

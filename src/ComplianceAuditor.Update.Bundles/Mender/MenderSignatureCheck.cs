using System.Security.Cryptography;
using ComplianceAuditor.Update.Bundles.Common;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Bundles.Mender;

/// <summary>
/// Judges manifest.sig: base64 of a signature over the manifest's bytes, made by mender-artifact with RSA
/// (PKCS#1 v1.5, SHA-256), ECDSA (ASN.1 DER, SHA-256; older releases wrote r‖s) or Ed25519. The form is told by shape.
/// </summary>
internal static class MenderSignatureCheck
{
    private const string RsaName = "RSA PKCS#1 v1.5 SHA-256";

    public static SignatureFinding Judge(ReadOnlySpan<byte> manifest, ReadOnlySpan<byte> encoded, TrustAnchors anchors)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(encoded).Trim());
        }
        catch (FormatException)
        {
            return new(SignatureStatus.Invalid, "unknown", null, null, null, "manifest.sig is not base64");
        }

        var data = manifest.ToArray();
        if (signature.Length > 8 && signature[0] == 0x30 && DerScan.MeasureElement(signature) == signature.Length)
        {
            var scheme = SignatureScheme.EcdsaDer(HashAlgorithmName.SHA256, signsDigest: false);
            return SignatureJudge.Judge(new SignatureJudge.Candidate("ECDSA SHA-256 (DER)",
                spki => KeyShape.IsEc(spki) && PublicKeyVerifier.Verifies(scheme, spki, data, signature), null, null, null), anchors);
        }

        if (signature.Length == 64)
        {
            var raw = SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA256, signsDigest: false);
            return SignatureJudge.Judge(new SignatureJudge.Candidate("ECDSA P-256 SHA-256 (r||s) or Ed25519",
                spki => (KeyShape.IsEc(spki) && PublicKeyVerifier.Verifies(raw, spki, data, signature))
                    || (KeyShape.IsEd25519(spki) && PublicKeyVerifier.Verifies(SignatureScheme.Ed25519, spki, data, signature)),
                null, null, null), anchors);
        }

        var rsa = SignatureScheme.RsaPkcs1(HashAlgorithmName.SHA256, signsDigest: false);
        var finding = SignatureJudge.Judge(new SignatureJudge.Candidate(RsaName,
            spki => KeyShape.IsRsa(spki, signature.Length) && PublicKeyVerifier.Verifies(rsa, spki, data, signature), null, null, null), anchors);
        return finding.IsValid ? finding : RsaTamperCheck.Find(data, signature, anchors, RsaName, "manifest") ?? finding;
    }
}

using System.Security.Cryptography;
using ComplianceAuditor.Update.Bundles.Common;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>
/// Judges sw-description.sig in the forms SWUpdate accepts: a CMS SignedData (DER) with sw-description as detached
/// content, a raw RSA signature (PKCS#1 v1.5 or PSS, SHA-256), or a GPG signature (recognised, not verified).
/// </summary>
internal static class SwuSignatureCheck
{
    private const string Pkcs1Name = "RSA PKCS#1 v1.5 SHA-256";
    private const string PssName = "RSA-PSS SHA-256";

    public static IReadOnlyList<SignatureFinding> Judge(ReadOnlyMemory<byte> description, ReadOnlySpan<byte> signature, TrustAnchors anchors, List<InspectionFact> facts)
    {
        if (IsGpg(signature))
        {
            facts.Add(new("signature form", "GPG (OpenPGP) detached signature"));
            return [new(SignatureStatus.NotVerifiable, "GPG", null, null, null, "sw-description.sig is an OpenPGP signature, which this version does not verify")];
        }

        if (signature.Length > 0 && signature[0] == 0x30 && CmsMessage.LooksLikeContentInfo(signature))
        {
            facts.Add(new("signature form", "CMS SignedData (DER), sw-description detached"));
            if (CmsMessage.TryRead(signature, out var problem) is not { Signed: { } signed })
            {
                return [new(SignatureStatus.Invalid, "CMS", null, null, null, problem ?? "sw-description.sig is CMS but not SignedData")];
            }

            return CmsSignatureCheck.Verify(signed, description, "sw-description", anchors, facts);
        }

        if (signature.Length is 128 or 256 or 384 or 512)
        {
            facts.Add(new("signature form", "raw RSA signature"));
            return [JudgeRawRsa(description, signature.ToArray(), anchors)];
        }

        return [new(SignatureStatus.NotVerifiable, "unknown", null, null, null,
            $"sw-description.sig ({signature.Length} bytes) is neither CMS, raw RSA nor GPG")];
    }

    private static SignatureFinding JudgeRawRsa(ReadOnlyMemory<byte> description, byte[] signature, TrustAnchors anchors)
    {
        var pkcs1 = SignatureJudge.Judge(new SignatureJudge.Candidate(Pkcs1Name,
            spki => KeyShape.IsRsa(spki, signature.Length)
                && PublicKeyVerifier.Verifies(SignatureScheme.RsaPkcs1(HashAlgorithmName.SHA256, signsDigest: false), spki, description.Span, signature),
            null, null, null), anchors);
        if (pkcs1.IsValid)
        {
            return pkcs1;
        }

        var pss = SignatureJudge.Judge(new SignatureJudge.Candidate(PssName,
            spki => KeyShape.IsRsa(spki, signature.Length) && RsaPssVerifier.VerifiesSha256(spki, description.Span, signature), null, null, null), anchors);
        if (pss.IsValid)
        {
            return pss;
        }

        return RsaTamperCheck.Find(description.Span, signature, anchors, Pkcs1Name, "sw-description") ?? pkcs1;
    }

    /// <summary>
    /// ASCII armour, or one binary OpenPGP signature packet (tag 2) whose length field accounts for exactly the bytes
    /// there are: the first byte alone would also match one raw RSA signature in sixty-four.
    /// </summary>
    private static bool IsGpg(ReadOnlySpan<byte> s)
    {
        if (s.StartsWith("-----BEGIN PGP SIGNATURE-----"u8))
        {
            return true;
        }

        long total = s.Length < 6 ? -1 : s[0] switch
        {
            0x88 => 2 + s[1],
            0x89 => 3 + ((s[1] << 8) | s[2]),
            0x8A => 5 + (((long)s[1] << 24) | ((long)s[2] << 16) | ((long)s[3] << 8) | s[4]),
            0xC2 when s[1] < 192 => 2 + s[1],
            0xC2 when s[1] < 224 => 3 + ((s[1] - 192) << 8) + s[2] + 192,
            0xC2 when s[1] == 255 => 6 + (((long)s[2] << 24) | ((long)s[3] << 16) | ((long)s[4] << 8) | s[5]),
            _ => -1,
        };
        return total == s.Length;
    }
}

using System.Security.Cryptography;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Mcuboot;

/// <summary>
/// Verifies an MCUboot image the way the bootloader does: the digest TLV against the digest of header, body and
/// protected TLV area, then the signature TLV over that digest. RSA is RSASSA-PSS with a salt as long as the hash,
/// ECDSA is DER-encoded, Ed25519 signs the digest. The key is named by its KEYHASH, or carried whole in a PUBKEY TLV
/// (hardware-key builds).
/// </summary>
internal static class McubootSignature
{
    public static (IntegrityFinding? Integrity, IReadOnlyList<SignatureFinding> Signatures) Verify(ReadOnlySpan<byte> bytes, McubootImage image, TrustAnchors anchors)
    {
        var (digestTlv, hash, digestName) = DigestOf(image);
        IntegrityFinding? integrity = null;
        var digest = Array.Empty<byte>();
        if (digestTlv is { } tlv)
        {
            digest = tlv.Value(bytes).ToArray();
            var computed = Digests.Compute(hash, bytes[..image.ProtectedEnd]);
            integrity = new IntegrityFinding(digestName, computed.AsSpan().SequenceEqual(digest), "header, body and protected TLVs");
        }

        var signatures = image.Tlvs.Where(t => t.IsSignature).ToList();
        if (signatures.Count == 0)
        {
            return (integrity, []);
        }

        var findings = new List<SignatureFinding>();
        foreach (var signature in signatures)
        {
            // imgtool writes one KEYHASH (or PUBKEY) before each signature: each signature is judged with its own.
            var keyTlvs = image.Tlvs.TakeWhile(t => t != signature).Where(t => t.Type is McubootTlv.KeyHash or McubootTlv.PublicKey).ToList();
            var keyHash = keyTlvs.LastOrDefault(t => t.Type == McubootTlv.KeyHash) is { Length: > 0 } kh ? Convert.ToHexStringLower(kh.Value(bytes)) : null;
            var namedTestKey = keyHash is null ? null : KnownTestKeys.FindByDigest(KnownTestKeys.McubootKeyHash, keyHash);
            var embedded = keyTlvs.LastOrDefault(t => t.Type == McubootTlv.PublicKey) is { Length: > 0 } pub ? Spki(pub.Value(bytes)) : null;
            var type = Name(signature.Type);
            if (integrity?.Matches != true)
            {
                var why = integrity is null ? "it has no digest TLV to sign" : "its digest TLV does not match the image: it was changed after signing";
                findings.Add(new(SignatureStatus.Invalid, type, keyHash, namedTestKey, null, $"signed ({type}), but {why}"));
                continue;
            }

            if (image.Find(McubootTlv.SignaturePure) is not null || signature.Type == McubootTlv.Ecdsa224)
            {
                findings.Add(new(SignatureStatus.NotVerifiable, type, keyHash, namedTestKey, null,
                    $"{type} signatures over the whole image (SIG_PURE) or on P-224 are not verified by this version"));
                continue;
            }

            var scheme = Scheme(signature.Type, hash);
            var value = signature.Value(bytes).ToArray();
            findings.Add(SignatureJudge.Judge(SignatureJudge.Candidate.For(type, scheme, digest, value, keyHash, namedTestKey, embedded), anchors));
        }

        return (integrity, findings);
    }

    private static SignatureScheme Scheme(ushort type, HashAlgorithmName hash) => type switch
    {
        McubootTlv.Ed25519 => SignatureScheme.Ed25519,
        McubootTlv.EcdsaSignature => SignatureScheme.EcdsaDer(hash, signsDigest: true),
        _ => SignatureScheme.RsaPss(hash, signsDigest: true),
    };

    /// <summary>The PUBKEY TLV as SubjectPublicKeyInfo: imgtool writes RSA keys as PKCS#1, the others as SPKI.</summary>
    private static byte[]? Spki(ReadOnlySpan<byte> key)
    {
        if (PublicKeyVerifier.Family(key) is not null)
        {
            return key.ToArray();
        }

        try
        {
            return PublicKeyForms.SpkiFromPkcs1(key);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static (McubootTlv? Tlv, HashAlgorithmName Algorithm, string Name) DigestOf(McubootImage image) =>
        image.Find(McubootTlv.Sha256) is { } sha256 ? (sha256, HashAlgorithmName.SHA256, "SHA-256")
        : image.Find(McubootTlv.Sha384) is { } sha384 ? (sha384, HashAlgorithmName.SHA384, "SHA-384")
        : image.Find(McubootTlv.Sha512) is { } sha512 ? (sha512, HashAlgorithmName.SHA512, "SHA-512")
        : (null, HashAlgorithmName.SHA256, "none");

    internal static string Name(ushort type) => type switch
    {
        McubootTlv.Rsa2048Pss => "RSA-2048-PSS",
        McubootTlv.Rsa3072Pss => "RSA-3072-PSS",
        McubootTlv.EcdsaSignature => "ECDSA",
        McubootTlv.Ecdsa224 => "ECDSA-P224",
        McubootTlv.Ed25519 => "Ed25519",
        _ => $"TLV 0x{type:x2}",
    };
}

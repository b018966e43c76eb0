using System.Security.Cryptography;
using ComplianceAuditor.KeyMaterial.Catalog;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.Update.Mcuboot;

/// <summary>
/// Verifies an MCUboot image the way the bootloader does: the digest TLV against the digest of header, body and
/// protected TLV area; then the signature over that digest with each candidate key: the trust anchors the user gave
/// and, by their KEYHASH, the published test keys whose public half is at hand. RSA signatures are RSASSA-PSS with a
/// 32-byte salt, ECDSA signatures DER-encoded; both come from System.Security.Cryptography, Ed25519 from BouncyCastle.
/// </summary>
public static class McubootVerifier
{
    public static McubootVerification Verify(ReadOnlySpan<byte> bytes, McubootImage image, IReadOnlyList<byte[]> trustedKeys)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        var counter = image.SecurityCounter(bytes);
        var keyHash = image.Find(McubootTlv.KeyHash) is { } kh ? Convert.ToHexStringLower(kh.Value(bytes)) : null;
        var testKey = keyHash is null ? null : KnownTestKeys.FindByDigest(KnownTestKeys.McubootKeyHash, keyHash);
        var (hashTlv, algorithm) = DigestOf(image);
        bool? hashMatches = null;
        if (hashTlv is { } digestTlv)
        {
            var computed = Hash(algorithm, bytes[..image.ProtectedEnd]);
            hashMatches = computed.AsSpan().SequenceEqual(digestTlv.Value(bytes));
        }

        var signature = image.Tlvs.FirstOrDefault(t => t.IsSignature);
        if (!image.Tlvs.Any(t => t.IsSignature))
        {
            return new(hashMatches, SignatureStatus.NotSigned, null, keyHash, testKey, counter, "the image carries no signature TLV");
        }

        var type = Name(signature.Type);
        if (hashMatches != true)
        {
            var why = hashMatches is null ? "it has no digest TLV to sign" : "its digest TLV does not match the image: it was changed after signing";
            return new(hashMatches, SignatureStatus.Invalid, type, keyHash, testKey, counter, $"signed ({type}), but {why}");
        }

        if (image.Find(McubootTlv.SignaturePure) is not null || signature.Type == McubootTlv.Ecdsa224)
        {
            return new(hashMatches, SignatureStatus.NotVerifiable, type, keyHash, testKey, counter, $"{type} signatures over the whole image (SIG_PURE) or on P-224 are not verified yet");
        }

        var digest = hashTlv!.Value.Value(bytes);
        var value = signature.Value(bytes);
        foreach (var key in trustedKeys)
        {
            if (Verifies(signature.Type, key, digest, value))
            {
                var known = KnownTestKeys.Find(Convert.ToHexStringLower(SHA256.HashData(key)));
                return known is null
                    ? new(hashMatches, SignatureStatus.VerifiedTrusted, type, keyHash, testKey, counter, $"the {type} signature verifies with a trusted key")
                    : new(hashMatches, SignatureStatus.SignedWithTestKey, type, keyHash, known, counter, $"the {type} signature verifies with a published test key");
            }
        }

        if (testKey is not null)
        {
            return new(hashMatches, SignatureStatus.SignedWithTestKey, type, keyHash, testKey, counter,
                $"signed ({type}) with the key whose KEYHASH is that of a published test key; anyone can sign images this bootloader accepts");
        }

        return trustedKeys.Count == 0
            ? new(hashMatches, SignatureStatus.UnknownKey, type, keyHash, null, counter, $"signed ({type}); no trusted key was given to check it with")
            : new(hashMatches, SignatureStatus.Invalid, type, keyHash, null, counter, $"the {type} signature verifies with none of the {trustedKeys.Count} trusted key(s)");
    }

    private static (McubootTlv? Tlv, HashAlgorithmName Algorithm) DigestOf(McubootImage image) =>
        image.Find(McubootTlv.Sha256) is { } sha256 ? (sha256, HashAlgorithmName.SHA256)
        : image.Find(McubootTlv.Sha384) is { } sha384 ? (sha384, HashAlgorithmName.SHA384)
        : image.Find(McubootTlv.Sha512) is { } sha512 ? (sha512, HashAlgorithmName.SHA512)
        : (null, HashAlgorithmName.SHA256);

    private static byte[] Hash(HashAlgorithmName algorithm, ReadOnlySpan<byte> data) =>
        algorithm == HashAlgorithmName.SHA384 ? SHA384.HashData(data)
        : algorithm == HashAlgorithmName.SHA512 ? SHA512.HashData(data)
        : SHA256.HashData(data);

    /// <summary>Whether the signature verifies with this key; a key of another algorithm, or a broken one, does not.</summary>
    private static bool Verifies(ushort type, byte[] spki, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature)
    {
        try
        {
            switch (type)
            {
                case McubootTlv.Rsa2048Pss or McubootTlv.Rsa3072Pss:
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportSubjectPublicKeyInfo(spki, out _);
                        var name = digest.Length == 48 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
                        return rsa.VerifyHash(digest, signature, name, RSASignaturePadding.Pss);
                    }

                case McubootTlv.EcdsaSignature:
                    using (var ecdsa = ECDsa.Create())
                    {
                        ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
                        return ecdsa.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
                    }

                case McubootTlv.Ed25519:
                    if (PublicKeyFactory.CreateKey(SubjectPublicKeyInfo.GetInstance(spki)) is not Ed25519PublicKeyParameters ed25519)
                    {
                        return false;
                    }

                    var signer = new Ed25519Signer();
                    signer.Init(false, ed25519);
                    signer.BlockUpdate(digest);
                    return signer.VerifySignature(signature.ToArray());

                default:
                    return false;
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or InvalidCastException or InvalidOperationException or FormatException)
        {
            // A trust anchor of another algorithm, or a malformed one, simply does not verify this image.
            return false;
        }
    }

    private static string Name(ushort type) => type switch
    {
        McubootTlv.Rsa2048Pss => "RSA-2048-PSS",
        McubootTlv.Rsa3072Pss => "RSA-3072-PSS",
        McubootTlv.EcdsaSignature => "ECDSA",
        McubootTlv.Ecdsa224 => "ECDSA-P224",
        McubootTlv.Ed25519 => "Ed25519",
        _ => $"TLV 0x{type:x2}",
    };
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.Update.Trust;

/// <summary>
/// Verifies one signature with one public key. RSA and ECDSA come from System.Security.Cryptography, Ed25519 (which
/// .NET lacks) from BouncyCastle. A key of another algorithm, or a malformed key or signature, simply does not
/// verify: every caller tries several keys and must not be stopped by the wrong one.
/// </summary>
public static class PublicKeyVerifier
{
    /// <summary>
    /// Keys already imported on this thread, by the array that holds them. Importing a key costs far more than one
    /// verification (about a millisecond on OpenSSL), and the same trust anchors and published test keys are tried
    /// against every image. Per thread, because key objects are not safe to share; bounded, because images carry
    /// keys of their own.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<byte[], AsymmetricAlgorithm>? imported;

    private const int MaxImported = 256;

    /// <summary>As the span overload, reusing the key imported from this very array earlier on this thread.</summary>
    public static bool Verifies(SignatureScheme scheme, byte[] spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(spki);
        if (scheme.Kind == SignatureKind.Ed25519 || (scheme.SignsDigest && data.Length != Digests.Length(scheme.Hash)))
        {
            return Verifies(scheme, spki.AsSpan(), data, signature);
        }

        imported ??= new Dictionary<byte[], AsymmetricAlgorithm>(ReferenceEqualityComparer.Instance);
        if (!imported.TryGetValue(spki, out var key))
        {
            if (Import(scheme, spki) is not { } made)
            {
                return false;
            }

            if (imported.Count == MaxImported)
            {
                foreach (var old in imported.Values)
                {
                    old.Dispose();
                }

                imported.Clear();
            }

            imported[spki] = key = made;
        }

        try
        {
            return key switch
            {
                RSA rsa when scheme.Kind is SignatureKind.RsaPss or SignatureKind.RsaPkcs1 => VerifiesRsa(scheme, rsa, data, signature),
                ECDsa ecdsa when scheme.Kind is SignatureKind.EcdsaDer or SignatureKind.EcdsaRaw => VerifiesEcdsa(scheme, ecdsa, data, signature),
                _ => false,
            };
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    public static bool Verifies(SignatureScheme scheme, ReadOnlySpan<byte> spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(scheme);

        // ECDSA would truncate a longer "digest" to the curve size and accept it: a digest must be the hash's size.
        if (scheme.SignsDigest && data.Length != Digests.Length(scheme.Hash))
        {
            return false;
        }

        try
        {
            return scheme.Kind switch
            {
                SignatureKind.RsaPss or SignatureKind.RsaPkcs1 => VerifiesRsa(scheme, spki, data, signature),
                SignatureKind.EcdsaDer or SignatureKind.EcdsaRaw => VerifiesEcdsa(scheme, spki, data, signature),
                SignatureKind.Ed25519 => VerifiesEd25519(spki, data, signature),
                _ => false,
            };
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or InvalidCastException or InvalidOperationException or FormatException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// The algorithm family of a SubjectPublicKeyInfo ("RSA", "EC", "Ed25519"), or null when unreadable. Read from
    /// the algorithm identifier alone: building the key to ask it would cost seconds for a large RSA modulus, which
    /// BouncyCastle validates on construction.
    /// </summary>
    public static string? Family(ReadOnlySpan<byte> spki)
    {
        try
        {
            var reader = new AsnReader(spki.ToArray(), AsnEncodingRules.DER);
            var info = reader.ReadSequence();
            var algorithm = info.ReadSequence();
            return algorithm.ReadObjectIdentifier() switch
            {
                "1.2.840.113549.1.1.1" => "RSA",
                "1.2.840.10045.2.1" => "EC",
                "1.3.101.112" => "Ed25519",
                _ => null,
            };
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>The key as an RSA or ECDsa object for the scheme's family, or null when it is not one.</summary>
    private static AsymmetricAlgorithm? Import(SignatureScheme scheme, byte[] spki)
    {
        if (Family(spki) != scheme.Family)
        {
            return null;
        }

        AsymmetricAlgorithm key = scheme.Family == "RSA" ? RSA.Create() : ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(spki, out _);
            return key;
        }
        catch (CryptographicException)
        {
            // A curve this platform's OpenSSL lacks (P-192 on some builds), or a malformed key.
            key.Dispose();
            return null;
        }
    }

    private static bool VerifiesRsa(SignatureScheme scheme, ReadOnlySpan<byte> spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(spki, out _);
        return VerifiesRsa(scheme, rsa, data, signature);
    }

    private static bool VerifiesRsa(SignatureScheme scheme, RSA rsa, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var padding = scheme.Kind == SignatureKind.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        return scheme.SignsDigest
            ? rsa.VerifyHash(data, signature, scheme.Hash, padding)
            : rsa.VerifyData(data, signature, scheme.Hash, padding);
    }

    private static bool VerifiesEcdsa(SignatureScheme scheme, ReadOnlySpan<byte> spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
        return VerifiesEcdsa(scheme, ecdsa, data, signature);
    }

    private static bool VerifiesEcdsa(SignatureScheme scheme, ECDsa ecdsa, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var format = scheme.Kind == SignatureKind.EcdsaDer ? DSASignatureFormat.Rfc3279DerSequence : DSASignatureFormat.IeeeP1363FixedFieldConcatenation;
        return scheme.SignsDigest
            ? ecdsa.VerifyHash(data, signature, format)
            : ecdsa.VerifyData(data, signature, scheme.Hash, format);
    }

    private static bool VerifiesEd25519(ReadOnlySpan<byte> spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        // The family first: BouncyCastle would validate (slowly) an RSA modulus only to find it is not Ed25519.
        if (Family(spki) != "Ed25519" || signature.Length != 64 || PublicKeyFactory.CreateKey(spki.ToArray()) is not Ed25519PublicKeyParameters key)
        {
            return false;
        }

        var signer = new Ed25519Signer();
        signer.Init(false, key);
        signer.BlockUpdate(data);
        return signer.VerifySignature(signature.ToArray());
    }
}

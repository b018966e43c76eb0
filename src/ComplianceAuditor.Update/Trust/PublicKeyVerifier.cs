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
    public static bool Verifies(SignatureScheme scheme, ReadOnlySpan<byte> spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(scheme);

        // ECDSA would truncate a longer "digest" to the curve size and accept it: a digest must be the hash's size.
        if (scheme.SignsDigest && data.Length != DigestLength(scheme.Hash))
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

    private static int DigestLength(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA384 ? 48 : hash == HashAlgorithmName.SHA512 ? 64 : hash == HashAlgorithmName.SHA1 ? 20 : 32;

    /// <summary>The algorithm family of a SubjectPublicKeyInfo ("RSA", "EC", "Ed25519"), or null when unreadable.</summary>
    public static string? Family(ReadOnlySpan<byte> spki)
    {
        try
        {
            return PublicKeyFactory.CreateKey(spki.ToArray()) switch
            {
                RsaKeyParameters => "RSA",
                ECPublicKeyParameters => "EC",
                Ed25519PublicKeyParameters => "Ed25519",
                _ => null,
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or InvalidOperationException or IOException or SecurityUtilityException)
        {
            return null;
        }
    }

    private static bool VerifiesRsa(SignatureScheme scheme, ReadOnlySpan<byte> spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(spki, out _);
        var padding = scheme.Kind == SignatureKind.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        return scheme.SignsDigest
            ? rsa.VerifyHash(data, signature, scheme.Hash, padding)
            : rsa.VerifyData(data, signature, scheme.Hash, padding);
    }

    private static bool VerifiesEcdsa(SignatureScheme scheme, ReadOnlySpan<byte> spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
        var format = scheme.Kind == SignatureKind.EcdsaDer ? DSASignatureFormat.Rfc3279DerSequence : DSASignatureFormat.IeeeP1363FixedFieldConcatenation;
        return scheme.SignsDigest
            ? ecdsa.VerifyHash(data, signature, format)
            : ecdsa.VerifyData(data, signature, scheme.Hash, format);
    }

    private static bool VerifiesEd25519(ReadOnlySpan<byte> spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (PublicKeyFactory.CreateKey(spki.ToArray()) is not Ed25519PublicKeyParameters key || signature.Length != 64)
        {
            return false;
        }

        var signer = new Ed25519Signer();
        signer.Init(false, key);
        signer.BlockUpdate(data);
        return signer.VerifySignature(signature.ToArray());
    }
}

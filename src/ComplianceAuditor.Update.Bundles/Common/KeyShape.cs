using System.Runtime.CompilerServices;
using ComplianceAuditor.Update.Trust;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// The family of a SubjectPublicKeyInfo and, for RSA, its modulus size, read with BouncyCastle's parser (cheap) and
/// remembered per key array. A signature is tried only with keys of its own shape: the judge walks every published
/// test key, and importing each into the platform provider just to fail is what would make that walk slow.
/// </summary>
internal static class KeyShape
{
    private static readonly ConditionalWeakTable<byte[], Shape> Shapes = [];

    public static bool IsRsa(byte[] spki, int modulusBytes) => Of(spki) is { Family: "RSA" } s && s.ModulusBytes == modulusBytes;

    public static bool IsEc(byte[] spki) => Of(spki).Family == "EC";

    public static bool IsEd25519(byte[] spki) => Of(spki).Family == "Ed25519";

    /// <summary>Whether a key of this shape could have made a signature of this scheme and length.</summary>
    public static bool Fits(SignatureScheme scheme, byte[] spki, int signatureLength) => scheme.Kind switch
    {
        SignatureKind.RsaPkcs1 or SignatureKind.RsaPss => IsRsa(spki, signatureLength),
        SignatureKind.EcdsaDer or SignatureKind.EcdsaRaw => IsEc(spki),
        SignatureKind.Ed25519 => IsEd25519(spki),
        _ => false,
    };

    /// <summary>The RSA modulus and exponent, big-endian unsigned, or null when the key is not RSA.</summary>
    public static (byte[] Modulus, byte[] Exponent)? RsaParameters(byte[] spki) =>
        Parse(spki) is RsaKeyParameters rsa ? (rsa.Modulus.ToByteArrayUnsigned(), rsa.Exponent.ToByteArrayUnsigned()) : null;

    private static Shape Of(byte[] spki) => Shapes.GetValue(spki, key => Parse(key) switch
    {
        RsaKeyParameters rsa => new Shape("RSA", (rsa.Modulus.BitLength + 7) / 8),
        ECPublicKeyParameters => new Shape("EC", 0),
        Ed25519PublicKeyParameters => new Shape("Ed25519", 0),
        _ => new Shape("other", 0),
    });

    private static AsymmetricKeyParameter? Parse(byte[] spki)
    {
        try
        {
            return PublicKeyFactory.CreateKey(spki);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or InvalidOperationException or IOException or SecurityUtilityException)
        {
            return null;
        }
    }

    private sealed record Shape(string Family, int ModulusBytes);
}

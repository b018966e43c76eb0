using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;

namespace ComplianceAuditor.KeyMaterial.Parsing;

/// <summary>
/// Computes the public key of a private key, and checks on the way that the private key is internally consistent
/// (p·q = n, y = g^x mod p): random bytes that happen to parse as a key structure fail here.
/// </summary>
internal static class PublicKeyDerivation
{
    /// <summary>
    /// The public half; null with a <paramref name="reason"/> when the key is inconsistent, null without one when no
    /// public key can be computed for this kind of key.
    /// </summary>
    public static AsymmetricKeyParameter? Derive(AsymmetricKeyParameter privateKey, out string? reason)
    {
        reason = null;
        switch (privateKey)
        {
            case RsaPrivateCrtKeyParameters rsa:
                if (rsa.P.SignValue > 0 && rsa.Q.SignValue > 0 && !rsa.P.Multiply(rsa.Q).Equals(rsa.Modulus))
                {
                    reason = "RSA private key is inconsistent: p times q is not the modulus";
                    return null;
                }

                return new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent);
            case DsaPrivateKeyParameters dsa:
                return DeriveDsa(dsa, out reason);
            case ECPrivateKeyParameters ec:
                if (ec.Parameters.Curve.FieldSize > PublicKeyFacts.MaxEcFieldBits || ec.D.SignValue <= 0 || ec.D.CompareTo(ec.Parameters.N) >= 0)
                {
                    reason = "EC private key is out of range for its curve";
                    return null;
                }

                var q = ec.Parameters.G.Multiply(ec.D).Normalize();
                return new ECPublicKeyParameters(ec.AlgorithmName, q, ec.Parameters);
            case Ed25519PrivateKeyParameters ed25519:
                return ed25519.GeneratePublicKey();
            case Ed448PrivateKeyParameters ed448:
                return ed448.GeneratePublicKey();
            case X25519PrivateKeyParameters x25519:
                return x25519.GeneratePublicKey();
            case X448PrivateKeyParameters x448:
                return x448.GeneratePublicKey();
            default:
                // Not an error: a key type without a known public half (or an RSA key without CRT values).
                return null;
        }
    }

    private static DsaPublicKeyParameters? DeriveDsa(DsaPrivateKeyParameters dsa, out string? reason)
    {
        reason = null;
        var p = dsa.Parameters.P;
        var q = dsa.Parameters.Q;

        // Bounds keep the exponentiation cheap whatever the input claims: x < q, q at most 512 bits.
        if (q.BitLength > 512 || p.BitLength > 16384 || dsa.X.SignValue <= 0 || dsa.X.CompareTo(q) >= 0
            || !p.Subtract(BigInteger.One).Mod(q).Equals(BigInteger.Zero))
        {
            reason = "DSA private key is inconsistent: q does not divide p-1 or x is out of range";
            return null;
        }

        return new DsaPublicKeyParameters(dsa.Parameters.G.ModPow(dsa.X, p), dsa.Parameters);
    }
}

using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// RSA-PSS with SHA-256 for signatures made with the largest salt (<c>openssl -sigopt rsa_pss_saltlen:-2</c>, as
/// SWUpdate documents) or a digest-sized one. .NET verifies only the digest-sized salt, so BouncyCastle's PSS signer
/// is given each salt length in turn.
/// </summary>
internal static class RsaPssVerifier
{
    private const int DigestSize = 32;

    public static bool VerifiesSha256(byte[] spki, ReadOnlySpan<byte> data, byte[] signature)
    {
        RsaKeyParameters key;
        try
        {
            if (PublicKeyFactory.CreateKey(spki) is not RsaKeyParameters rsa)
            {
                return false;
            }

            key = rsa;
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or InvalidOperationException or IOException or SecurityUtilityException)
        {
            return false;
        }

        var emLength = (key.Modulus.BitLength - 1 + 7) / 8;
        var maxSalt = emLength - DigestSize - 2;
        return Verifies(key, DigestSize, data, signature) || (maxSalt > DigestSize && Verifies(key, maxSalt, data, signature));
    }

    private static bool Verifies(RsaKeyParameters key, int saltLength, ReadOnlySpan<byte> data, byte[] signature)
    {
        try
        {
            var signer = new PssSigner(new RsaEngine(), new Sha256Digest(), saltLength);
            signer.Init(false, key);
            signer.BlockUpdate(data);
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is CryptoException or DataLengthException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}

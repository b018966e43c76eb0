using System.Numerics;

namespace ComplianceAuditor.Update.Bundles.Common;

/// <summary>
/// Opens an RSA PKCS#1 v1.5 signature with a public key (s^e mod n) and returns the SHA-256 digest inside when the
/// padding and DigestInfo are well formed. A well-formed block whose digest differs from the data's proves that this
/// key made the signature and the data changed afterwards, which a plain verify cannot tell from "another key".
/// </summary>
internal static class RsaPkcs1Recovery
{
    private static readonly byte[] Sha256DigestInfo =
        [0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

    /// <summary>The SHA-256 digest the signature carries under this key, or null when the key did not make it.</summary>
    public static byte[]? RecoverSha256(byte[] spki, ReadOnlySpan<byte> signature)
    {
        if (!KeyShape.IsRsa(spki, signature.Length) || KeyShape.RsaParameters(spki) is not var (modulusBytes, exponent) || modulusBytes.Length < 64)
        {
            return null;
        }

        var n = new BigInteger(modulusBytes, isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(signature, isUnsigned: true, isBigEndian: true);
        if (s >= n)
        {
            return null;
        }

        var m = BigInteger.ModPow(s, new BigInteger(exponent, isUnsigned: true, isBigEndian: true), n);
        var block = new byte[modulusBytes.Length];
        var raw = m.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (raw.Length > block.Length)
        {
            return null;
        }

        raw.CopyTo(block, block.Length - raw.Length);
        return Unpad(block);
    }

    /// <summary>EM = 00 01 FF..FF 00 DigestInfo(SHA-256) H, with at least eight FF bytes.</summary>
    private static byte[]? Unpad(byte[] block)
    {
        var tailLength = Sha256DigestInfo.Length + 32;
        var separator = block.Length - tailLength - 1;
        if (block[0] != 0 || block[1] != 1 || separator < 10 || block[separator] != 0)
        {
            return null;
        }

        for (var i = 2; i < separator; i++)
        {
            if (block[i] != 0xFF)
            {
                return null;
            }
        }

        var tail = block.AsSpan(separator + 1);
        return tail[..Sha256DigestInfo.Length].SequenceEqual(Sha256DigestInfo) ? tail[Sha256DigestInfo.Length..].ToArray() : null;
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ComplianceAuditor.Update.Boot.Avb;

/// <summary>
/// The public key a vbmeta image carries, in libavb's blob form (<c>AvbRSAPublicKeyHeader</c>: u32 key_num_bits,
/// u32 n0inv, then n and rr, big-endian, each key_num_bits/8 bytes). AVB keys always use the exponent 65537.
/// </summary>
internal static class AvbPublicKey
{
    /// <summary>The key as an SPKI, or null when the blob is not a well-formed RSA key of a size AVB uses.</summary>
    public static byte[]? ToSpki(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 8)
        {
            return null;
        }

        var bits = BinaryPrimitives.ReadUInt32BigEndian(blob);
        if (bits is not (2048 or 4096 or 8192) || blob.Length != 8 + (2 * (bits / 8)))
        {
            return null;
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters { Modulus = blob.Slice(8, (int)(bits / 8)).ToArray(), Exponent = [1, 0, 1] });
            return rsa.ExportSubjectPublicKeyInfo();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

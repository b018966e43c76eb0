using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Update.Boot.Fit;

/// <summary>The hash algorithms a FIT names in <c>algo</c> of its hash nodes and as the first half of a signature's <c>algo</c>.</summary>
internal static class FitHashAlgorithm
{
    /// <summary>Whether U-Boot would call this hash strong enough to stand alone (not crc32, md5 or sha1).</summary>
    public static bool IsStrong(string algorithm) => algorithm is "sha256" or "sha384" or "sha512";

    /// <summary>The .NET name of a signature's hash, or null for one a signature cannot use.</summary>
    public static HashAlgorithmName? ForSignature(string algorithm) => algorithm switch
    {
        "sha1" => HashAlgorithmName.SHA1,
        "sha256" => HashAlgorithmName.SHA256,
        "sha384" => HashAlgorithmName.SHA384,
        "sha512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    /// <summary>The value a hash node of this algorithm holds for <paramref name="data"/>, or null for an unknown algorithm.</summary>
    public static byte[]? Compute(string algorithm, ReadOnlySpan<byte> data)
    {
        switch (algorithm)
        {
            case "crc32":
                // U-Boot stores the CRC as one big-endian cell.
                var crc = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute(data));
                return crc;
            case "md5":
#pragma warning disable CA5351 // The image names MD5; we only recompute what it claims, to report it.
                return MD5.HashData(data);
#pragma warning restore CA5351
            case "sha1":
#pragma warning disable CA5350 // As above: recomputing the image's own SHA-1 to compare, not relying on it.
                return SHA1.HashData(data);
#pragma warning restore CA5350
            case "sha256":
                return SHA256.HashData(data);
            case "sha384":
                return SHA384.HashData(data);
            case "sha512":
                return SHA512.HashData(data);
            default:
                return null;
        }
    }
}

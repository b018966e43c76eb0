using System.Security.Cryptography;

namespace ComplianceAuditor.Update.Boot.Avb;

/// <summary>The vbmeta <c>algorithm_type</c> values: NONE, or RSA PKCS#1 v1.5 with SHA-256 or SHA-512.</summary>
/// <param name="Name">libavb's name, "SHA256_RSA4096".</param>
/// <param name="DigestBytes">Size of the hash in the authentication block.</param>
/// <param name="KeyBits">RSA modulus size, which is also the signature size in bits.</param>
internal sealed record AvbAlgorithm(string Name, HashAlgorithmName Hash, int DigestBytes, int KeyBits)
{
    private static readonly AvbAlgorithm?[] Table =
    [
        null,
        new("SHA256_RSA2048", HashAlgorithmName.SHA256, 32, 2048),
        new("SHA256_RSA4096", HashAlgorithmName.SHA256, 32, 4096),
        new("SHA256_RSA8192", HashAlgorithmName.SHA256, 32, 8192),
        new("SHA512_RSA2048", HashAlgorithmName.SHA512, 64, 2048),
        new("SHA512_RSA4096", HashAlgorithmName.SHA512, 64, 4096),
        new("SHA512_RSA8192", HashAlgorithmName.SHA512, 64, 8192),
    ];

    /// <summary>The highest value libavb knows.</summary>
    public const uint Highest = 6;

    /// <summary>The algorithm for a type value from 1 to 6; null for 0 (NONE) and unknown values.</summary>
    public static AvbAlgorithm? For(uint type) => type is >= 1 and <= Highest ? Table[type] : null;

    public byte[] Digest(ReadOnlySpan<byte> header, ReadOnlySpan<byte> auxiliary)
    {
        using var hasher = IncrementalHash.CreateHash(Hash);
        hasher.AppendData(header);
        hasher.AppendData(auxiliary);
        return hasher.GetHashAndReset();
    }
}

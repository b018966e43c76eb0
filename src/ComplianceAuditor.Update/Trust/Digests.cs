using System.Security.Cryptography;

namespace ComplianceAuditor.Update.Trust;

/// <summary>The hashes update formats sign over, computed and sized in one place for every reader.</summary>
public static class Digests
{
    /// <summary>The digest of <paramref name="data"/>; SHA-256 for any hash not named here.</summary>
    public static byte[] Compute(HashAlgorithmName hash, ReadOnlySpan<byte> data) =>
        hash == HashAlgorithmName.SHA384 ? SHA384.HashData(data)
        : hash == HashAlgorithmName.SHA512 ? SHA512.HashData(data)
#pragma warning disable CA5350 // Verifying what old images were signed with; nothing here signs with SHA-1.
        : hash == HashAlgorithmName.SHA1 ? SHA1.HashData(data)
#pragma warning restore CA5350
        : SHA256.HashData(data);

    /// <summary>The digest's size in bytes.</summary>
    public static int Length(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA384 ? 48 : hash == HashAlgorithmName.SHA512 ? 64 : hash == HashAlgorithmName.SHA1 ? 20 : 32;
}

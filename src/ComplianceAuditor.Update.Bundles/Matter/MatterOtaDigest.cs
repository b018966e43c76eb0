using System.Security.Cryptography;

namespace ComplianceAuditor.Update.Bundles.Matter;

/// <summary>
/// The ImageDigestType values of the Matter OTA header (the IANA Named Information hash algorithm registry): the
/// hash and how many leading bytes of it the truncated forms keep.
/// </summary>
internal static class MatterOtaDigest
{
    /// <summary>The digest name and the computed (possibly truncated) digest, or null for a type not computed here.</summary>
    public static (string Name, byte[] Digest)? Compute(ulong type, ReadOnlySpan<byte> payload) => type switch
    {
        1 => ("SHA-256", SHA256.HashData(payload)),
        2 => ("SHA-256-128", SHA256.HashData(payload)[..16]),
        3 => ("SHA-256-120", SHA256.HashData(payload)[..15]),
        4 => ("SHA-256-96", SHA256.HashData(payload)[..12]),
        5 => ("SHA-256-64", SHA256.HashData(payload)[..8]),
        6 => ("SHA-256-32", SHA256.HashData(payload)[..4]),
        7 => ("SHA-384", SHA384.HashData(payload)),
        8 => ("SHA-512", SHA512.HashData(payload)),
        10 when SHA3_256.IsSupported => ("SHA3-256", SHA3_256.HashData(payload)),
        11 when SHA3_384.IsSupported => ("SHA3-384", SHA3_384.HashData(payload)),
        12 when SHA3_512.IsSupported => ("SHA3-512", SHA3_512.HashData(payload)),
        _ => null,
    };
}

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Unpacking;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// One 1216-byte Secure Boot v2 signature block (magic 0xE7): version 2 is RSA-3072-PSS, version 3 is ECDSA on
/// P-192, P-256 or P-384. The layouts differ only in where the key and signature sit, so parsing turns both into the
/// same shape: the image digest the block claims, the key as SPKI, the key digest the eFuse holds, and the signature
/// big-endian as the verifier wants it.
/// </summary>
internal sealed record EspSignatureBlock
{
    public const byte Magic = 0xE7;

    public const int Size = 1216;

    /// <summary>The CRC covers the block up to itself; 16 bytes of padding follow it.</summary>
    private const int CrcOffset = 1196;

    private const int RsaKeyFieldSize = 776;

    public required int Index { get; init; }

    public required long Offset { get; init; }

    /// <summary>"RSA-3072-PSS", "ECDSA-P256", or a description of what could not be read.</summary>
    public required string Algorithm { get; init; }

    public required bool CrcValid { get; init; }

    /// <summary>Why the block cannot be verified (unknown version, curve or digest type), or null.</summary>
    public string? Unsupported { get; init; }

    public HashAlgorithmName Hash { get; init; } = HashAlgorithmName.SHA256;

    public byte[] ImageDigest { get; init; } = [];

    /// <summary>SHA-256 of the RSA key field, or of curve_id and the point field: what eFuse SECURE_BOOT_DIGESTn holds.</summary>
    public string? KeyDigest { get; init; }

    public byte[]? Spki { get; init; }

    public byte[] Signature { get; init; } = [];

    public SignatureScheme? Scheme { get; init; }

    public EspEcdsaCurve? Curve { get; init; }

    /// <summary>Parses a block that starts with the magic; <paramref name="block"/> is exactly <see cref="Size"/> bytes.</summary>
    public static EspSignatureBlock Parse(ReadOnlySpan<byte> block, int index, long offset)
    {
        var crcValid = Crc32.Compute(block[..CrcOffset]) == BinaryPrimitives.ReadUInt32LittleEndian(block[CrcOffset..]);
        var basics = new EspSignatureBlock { Index = index, Offset = offset, Algorithm = "unknown", CrcValid = crcValid };
        return block[1] switch
        {
            2 => Rsa(block, basics),
            3 => Ecdsa(block, basics),
            _ => basics with
            {
                Algorithm = string.Create(CultureInfo.InvariantCulture, $"signature block version 0x{block[1]:x2}"),
                Unsupported = string.Create(CultureInfo.InvariantCulture, $"signature block version 0x{block[1]:x2} is neither RSA (2) nor ECDSA (3)"),
            },
        };
    }

    private static EspSignatureBlock Rsa(ReadOnlySpan<byte> block, EspSignatureBlock basics)
    {
        var keyField = block.Slice(36, RsaKeyFieldSize);
        return basics with
        {
            Algorithm = "RSA-3072-PSS",
            ImageDigest = block.Slice(4, 32).ToArray(),
            KeyDigest = Convert.ToHexStringLower(SHA256.HashData(keyField)),
            Spki = EspPublicKeys.RsaSpki(keyField),
            Signature = EspPublicKeys.Reversed(block.Slice(36 + RsaKeyFieldSize, 384)),
            Scheme = SignatureScheme.RsaPss(HashAlgorithmName.SHA256, signsDigest: true),
        };
    }

    /// <summary>
    /// Byte 2 says which digest the block holds (0 SHA-256 in 32 bytes, 1 SHA-384 in 48); the key starts after it
    /// with curve_id, then point and signature fields twice the digest's length each, every coordinate little-endian
    /// at the curve's own size (P-192 leaves the tail of its fields zero).
    /// </summary>
    private static EspSignatureBlock Ecdsa(ReadOnlySpan<byte> block, EspSignatureBlock basics)
    {
        var (digestLength, hash) = block[2] switch
        {
            0 => (32, HashAlgorithmName.SHA256),
            1 => (48, HashAlgorithmName.SHA384),
            _ => (0, default),
        };
        if (digestLength == 0)
        {
            return basics with { Algorithm = "ECDSA", Unsupported = string.Create(CultureInfo.InvariantCulture, $"ECDSA block digest type {block[2]} is unknown") };
        }

        var keyStart = 4 + digestLength;
        var field = 2 * digestLength;
        var curve = EspEcdsaCurve.FromId(block[keyStart]);
        var keyDigest = Convert.ToHexStringLower(SHA256.HashData(block.Slice(keyStart, 1 + field)));
        var parsed = basics with { Algorithm = "ECDSA", ImageDigest = block.Slice(4, digestLength).ToArray(), KeyDigest = keyDigest, Hash = hash };
        if (curve is null || (curve == EspEcdsaCurve.P384) != (digestLength == 48))
        {
            return parsed with
            {
                Unsupported = string.Create(CultureInfo.InvariantCulture,
                    $"ECDSA block names curve id {block[keyStart]} with a {digestLength}-byte digest, a combination the ROM does not use"),
            };
        }

        var size = curve.CoordinateSize;
        var point = block.Slice(keyStart + 1, field);
        var signature = block.Slice(keyStart + 1 + field, field);
        var raw = new byte[2 * size];
        EspPublicKeys.Reversed(signature[..size]).CopyTo(raw, 0);
        EspPublicKeys.Reversed(signature.Slice(size, size)).CopyTo(raw, size);
        return parsed with
        {
            Algorithm = "ECDSA-" + curve.Name.Replace("-", string.Empty, StringComparison.Ordinal),
            Curve = curve,
            Spki = EspPublicKeys.EcSpki(curve, point[..size], point.Slice(size, size)),
            Signature = raw,
            Scheme = SignatureScheme.EcdsaRaw(hash, signsDigest: true),
        };
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// The legacy Secure Boot v1 signature (ESP32 only): 68 bytes right after the image, a u32 version 0 and an ECDSA
/// P-256 signature r‖s big-endian over the SHA-256 of everything before it. The image does not carry the key (the
/// bootloader has it compiled in), so the signature is tried against the trust anchors and the published test keys.
/// </summary>
internal static class EspSecureBootV1
{
    public const int BlockSize = 68;

    public const string Algorithm = "ECDSA-P256 (Secure Boot v1)";

    /// <summary>
    /// Whether a v1 block follows the image: version word 0 and a signature that is not erased flash or zero fill,
    /// with neither r nor s zero (no valid signature has them).
    /// </summary>
    public static bool IsPresent(ReadOnlySpan<byte> bytes, long imageLength)
    {
        if (imageLength > bytes.Length - BlockSize || BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)imageLength..]) != 0)
        {
            return false;
        }

        var signature = bytes.Slice((int)imageLength + 4, 64);
        return signature[..32].ContainsAnyExcept((byte)0) && signature[32..].ContainsAnyExcept((byte)0) && signature.ContainsAnyExcept((byte)0xFF);
    }

    public static void Verify(ReadOnlySpan<byte> bytes, long offset, TrustAnchors anchors, EspFindings findings)
    {
        var digest = SHA256.HashData(bytes[..(int)offset]);
        var signature = bytes.Slice((int)offset + 4, 64).ToArray();
        var scheme = SignatureScheme.EcdsaRaw(HashAlgorithmName.SHA256, signsDigest: true);
        findings.Signatures.Add(SignatureJudge.Judge(SignatureJudge.Candidate.For(Algorithm, scheme, digest, signature), anchors));
        findings.Facts.Add(new("secure boot v1 signature", string.Create(CultureInfo.InvariantCulture, $"at 0x{offset:x}")));
        findings.Weaknesses.Add(new("esp-secure-boot-v1",
            "the image is signed for Secure Boot v1, the legacy ESP32 scheme: on chip revisions before v3 its eFuse secret can be " +
            "read out by fault injection, and Espressif recommends Secure Boot v2"));
    }
}

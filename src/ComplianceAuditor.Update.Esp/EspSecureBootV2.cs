using System.Globalization;
using System.Security.Cryptography;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Update.Esp;

/// <summary>
/// The Secure Boot v2 signature sector: the ROM and the bootloader look for it at the image length rounded up to
/// 4096 and nowhere else, so a sector placed anywhere else would not be checked by the device and is not taken here
/// either. It holds up to three blocks (one per eFuse key slot); each is judged on its own, so several signers count
/// as several.
/// </summary>
internal static class EspSecureBootV2
{
    public const int SectorSize = 4096;

    public const int MaxBlocks = 3;

    /// <summary>Where the sector starts, or null when the image has none.</summary>
    public static long? FindSector(ReadOnlySpan<byte> bytes, long imageLength)
    {
        var sector = (imageLength + SectorSize - 1) / SectorSize * SectorSize;
        return sector < bytes.Length && bytes[(int)sector] == EspSignatureBlock.Magic ? sector : null;
    }

    public static void Verify(ReadOnlySpan<byte> bytes, long sector, TrustAnchors anchors, EspFindings findings)
    {
        var signed = bytes[..(int)sector];
        byte[]? sha256 = null;
        byte[]? sha384 = null;
        var blocks = 0;
        for (var i = 0; i < MaxBlocks; i++)
        {
            var offset = sector + ((long)i * EspSignatureBlock.Size);
            if (offset >= bytes.Length || bytes[(int)offset] != EspSignatureBlock.Magic)
            {
                break;
            }

            if (offset + EspSignatureBlock.Size > bytes.Length)
            {
                findings.Problem ??= Invariant($"Secure Boot v2 signature block {i} at 0x{offset:x} is cut short by the end of the file");
                break;
            }

            var block = EspSignatureBlock.Parse(bytes.Slice((int)offset, EspSignatureBlock.Size), i, offset);
            var computed = block.Hash == HashAlgorithmName.SHA384 ? sha384 ??= SHA384.HashData(signed) : sha256 ??= SHA256.HashData(signed);
            findings.Signatures.Add(Judge(block, computed, anchors, findings.Weaknesses));
            findings.Facts.Add(new(Invariant($"signature block {i}"),
                Invariant($"{block.Algorithm} at 0x{offset:x}, key digest {block.KeyDigest ?? "unreadable"}, CRC {(block.CrcValid ? "valid" : "invalid")}")));
            blocks++;
        }

        findings.Facts.Add(new("secure boot v2 sector", Invariant($"at 0x{sector:x}, {blocks} signature block(s)")));
    }

    private static SignatureFinding Judge(EspSignatureBlock block, byte[] computed, TrustAnchors anchors, List<UpdateWeakness> weaknesses)
    {
        var name = Invariant($"signature block {block.Index}");
        var testKey = KnownTestKeys.FindByDigest(KnownTestKeys.EspSecureBootV2Digest, block.KeyDigest);
        if (block.Unsupported is { } unsupported)
        {
            return new(SignatureStatus.NotVerifiable, block.Algorithm, block.KeyDigest, testKey, null, $"{name}: {unsupported}");
        }

        if (!block.CrcValid)
        {
            weaknesses.Add(new("esp-signature-block-crc", Invariant($"{name} at 0x{block.Offset:x} fails its CRC32, so the ROM skips it")));
            return new(SignatureStatus.Invalid, block.Algorithm, block.KeyDigest, testKey, null,
                $"{name} fails its CRC32: the block is damaged and the device rejects it");
        }

        if (!computed.AsSpan().SequenceEqual(block.ImageDigest))
        {
            var claimed = Convert.ToHexStringLower(block.ImageDigest)[..16];
            weaknesses.Add(new("esp-sbv2-digest-mismatch", $"{name} holds image digest {claimed}…, the image hashes to {Convert.ToHexStringLower(computed)[..16]}…"));
            return new(SignatureStatus.Invalid, block.Algorithm, block.KeyDigest, testKey, null,
                $"{name}: the image digest it signs does not match the image, which was changed after signing");
        }

        if (block.Spki is not { } spki || block.Scheme is not { } scheme)
        {
            return new(SignatureStatus.Invalid, block.Algorithm, block.KeyDigest, testKey, null, $"{name}: the key field holds no usable public key");
        }

        if (block.Curve is { IsSupported: false } curve)
        {
            return new(SignatureStatus.NotVerifiable, block.Algorithm, block.KeyDigest, testKey, null,
                $"{name}: this platform's cryptography library does not offer {curve.Name}, so the signature cannot be checked" +
                (testKey is null ? string.Empty : "; its key digest names a published test key"));
        }

        return SignatureJudge.Judge(SignatureJudge.Candidate.For(block.Algorithm, scheme, computed, block.Signature, block.KeyDigest, testKey, spki), anchors);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

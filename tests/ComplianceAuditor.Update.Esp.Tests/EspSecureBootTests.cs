using System.Security.Cryptography;
using static ComplianceAuditor.Update.Esp.Tests.EspTestInputs;

namespace ComplianceAuditor.Update.Esp.Tests;

/// <summary>Secure Boot v2 and v1 signatures made here with fresh keys, verified the way the ROM verifies them.</summary>
public sealed class EspSecureBootTests
{
    private static readonly byte[] Unsigned = EspImageBuilder.App();

    [Fact]
    public void An_rsa_block_verifies_with_the_key_it_carries_and_is_trusted_when_that_key_is_an_anchor()
    {
        using var rsa = RSA.Create(3072);
        var signed = EspSignatureBuilder.SignV2(Unsigned, rsa);

        var unanchored = Assert.Single(Image(signed).Signatures);
        var anchored = Assert.Single(Image(signed, rsa).Signatures);

        Assert.Equal(SignatureStatus.ValidUnknownKey, unanchored.Status);
        Assert.Equal("RSA-3072-PSS", unanchored.Algorithm);
        Assert.Equal(EspSignatureBuilder.RsaKeyDigest(rsa), unanchored.KeyId);
        Assert.Equal(SignatureStatus.VerifiedTrusted, anchored.Status);
        Assert.Equal("key0.pem", anchored.TrustedKey);
    }

    [Fact]
    public void A_p256_block_is_trusted_with_its_key_as_anchor_and_only_valid_with_another_anchor()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = EspSignatureBuilder.SignV2(Unsigned, key);

        var trusted = Image(signed, key);
        var withOther = Assert.Single(Image(signed, other).Signatures);

        Assert.Null(trusted.Problem);
        Assert.Equal(SignatureStatus.VerifiedTrusted, Assert.Single(trusted.Signatures).Status);
        Assert.Equal("ECDSA-P256", trusted.Signatures[0].Algorithm);
        Assert.Equal(SignatureStatus.ValidUnknownKey, withOther.Status);
        Assert.Contains("none of the 1 trusted key(s)", withOther.Reason, StringComparison.Ordinal);
        Assert.Equal("at 0x1000, 1 signature block(s)", Fact(trusted, "secure boot v2 sector"));
    }

    [Theory]
    [InlineData("1.3.132.0.34", "ECDSA-P384")]
    [InlineData("1.2.840.10045.3.1.1", "ECDSA-P192")]
    public void P384_and_p192_blocks_verify_with_the_key_they_carry(string curveOid, string algorithm)
    {
        using var key = ECDsa.Create(ECCurve.CreateFromValue(curveOid));
        var finding = Assert.Single(Image(EspSignatureBuilder.SignV2(Unsigned, key), key).Signatures);

        Assert.Equal(algorithm, finding.Algorithm);
        Assert.Equal(SignatureStatus.VerifiedTrusted, finding.Status);
    }

    [Fact]
    public void A_payload_changed_after_signing_makes_the_block_invalid_with_a_digest_mismatch()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = EspSignatureBuilder.SignV2(Unsigned, key);
        signed[EspImageBuilder.PayloadOffset] ^= 0x01;

        var result = Image(signed, key);

        Assert.Equal(SignatureStatus.Invalid, Assert.Single(result.Signatures).Status);
        Assert.Contains(result.Weaknesses, w => w.Code == "esp-sbv2-digest-mismatch");
        Assert.False(result.Integrity!.Matches);
    }

    [Fact]
    public void A_damaged_signature_with_a_repaired_crc_does_not_verify_with_the_carried_key()
    {
        using var rsa = RSA.Create(3072);
        var signed = EspSignatureBuilder.SignV2(Unsigned, rsa);
        var block = signed.Length - EspSignatureBuilder.SectorSize;
        signed[block + 900] ^= 0x80;
        EspSignatureBuilder.FixCrc(signed, block);

        var finding = Assert.Single(Image(signed).Signatures);

        Assert.Equal(SignatureStatus.Invalid, finding.Status);
        Assert.Contains("does not verify with the key the image carries", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_failing_its_crc_is_invalid_and_named_as_a_weakness()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = EspSignatureBuilder.SignV2(Unsigned, key);
        signed[signed.Length - EspSignatureBuilder.SectorSize + 1199] ^= 0xFF;

        var result = Image(signed, key);

        Assert.Equal(SignatureStatus.Invalid, Assert.Single(result.Signatures).Status);
        Assert.Equal("esp-signature-block-crc", Assert.Single(result.Weaknesses).Code);
    }

    [Theory]
    [InlineData(1, 0x04, "neither RSA (2) nor ECDSA (3)")]
    [InlineData(2, 0x07, "digest type 7 is unknown")]
    [InlineData(36, 0x09, "curve id 9")]
    [InlineData(36, 0x03, "curve id 3 with a 32-byte digest")]
    public void A_block_this_version_cannot_read_is_not_verifiable_with_the_reason(int offset, byte value, string reason)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = EspSignatureBuilder.SignV2(Unsigned, key);
        var block = signed.Length - EspSignatureBuilder.SectorSize;
        signed[block + offset] = value;
        EspSignatureBuilder.FixCrc(signed, block);

        var finding = Assert.Single(Image(signed, key).Signatures);

        Assert.Equal(SignatureStatus.NotVerifiable, finding.Status);
        Assert.Contains(reason, finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_rsa_block_with_a_zero_modulus_holds_no_usable_key()
    {
        using var rsa = RSA.Create(3072);
        var signed = EspSignatureBuilder.SignV2(Unsigned, rsa);
        var block = signed.Length - EspSignatureBuilder.SectorSize;
        Array.Clear(signed, block + 36, 384);
        EspSignatureBuilder.FixCrc(signed, block);

        var finding = Assert.Single(Image(signed, rsa).Signatures);

        Assert.Equal(SignatureStatus.Invalid, finding.Status);
        Assert.Contains("no usable public key", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_of_three_blocks_is_a_signer_of_its_own()
    {
        using var first = RSA.Create(3072);
        using var second = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var third = RSA.Create(3072);
        var signed = EspSignatureBuilder.SignV2(Unsigned, first, second, third);

        var result = Image(signed, first, second);

        Assert.Equal(3, result.Signatures.Count);
        Assert.Equal(3, result.DistinctSigners);
        Assert.Equal(
            [SignatureStatus.VerifiedTrusted, SignatureStatus.VerifiedTrusted, SignatureStatus.ValidUnknownKey],
            result.Signatures.Select(s => s.Status));
    }

    [Fact]
    public void A_sector_placed_away_from_the_aligned_image_end_is_not_where_the_rom_looks()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = EspSignatureBuilder.SignV2(Unsigned, key);
        var sector = EspSignatureBuilder.SectorSize;
        byte[] shifted = [.. signed[..^sector], .. Enumerable.Repeat((byte)0xFF, sector), .. signed[^sector..]];

        Assert.Empty(Image(shifted, key).Signatures);
    }

    [Fact]
    public void A_secure_boot_v1_signature_verifies_only_with_an_anchor_since_the_image_carries_no_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = EspSignatureBuilder.SignV1(Unsigned, key);

        var trusted = Image(signed, key);
        var unanchored = Assert.Single(Image(signed).Signatures);
        var withOther = Assert.Single(Image(signed, other).Signatures);

        var finding = Assert.Single(trusted.Signatures);
        Assert.Equal(SignatureStatus.VerifiedTrusted, finding.Status);
        Assert.Equal("ECDSA-P256 (Secure Boot v1)", finding.Algorithm);
        Assert.Contains(trusted.Weaknesses, w => w.Code == "esp-secure-boot-v1");
        Assert.Equal(SignatureStatus.UnknownKey, unanchored.Status);
        Assert.Equal(SignatureStatus.UnknownKey, withOther.Status);
    }

    [Fact]
    public void A_secure_boot_v1_image_changed_after_signing_no_longer_verifies_with_its_anchor()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = EspSignatureBuilder.SignV1(Unsigned, key);
        signed[EspImageBuilder.PayloadOffset] ^= 0x01;

        var finding = Assert.Single(Image(signed, key).Signatures);

        Assert.NotEqual(SignatureStatus.VerifiedTrusted, finding.Status);
        Assert.False(finding.IsValid);
    }
}

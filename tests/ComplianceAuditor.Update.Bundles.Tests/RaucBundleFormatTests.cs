using System.Buffers.Binary;
using ComplianceAuditor.Update.Bundles.Rauc;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>RAUC bundles we build with a fresh PKI: plain and verity, trusted, untrusted, tampered and malformed.</summary>
public sealed class RaucBundleFormatTests
{
    private readonly RaucBundleFormat _format = new();

    [Fact]
    public void A_plain_bundle_signed_under_the_trusted_CA_verifies_and_is_flagged_plain()
    {
        using var pki = CmsFixture.Create();

        var result = Inspect.With(_format, RaucBuilder.Plain(pki, RaucBuilder.Payload()), Inspect.Anchors(("keyring.pem", pki.CaPem)))!;

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.VerifiedTrusted, signature.Status);
        Assert.Null(signature.TestKey);
        Assert.Equal([RaucBundleFormat.PlainFormatWeakness], result.Codes());
        Assert.False(result.RollbackSupported);
        Assert.Contains(result.Facts, f => f.Name == "downgrade protection" && f.Value.Contains("min-bundle-version", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_CA_the_signature_is_valid_for_the_carried_certificate_only()
    {
        using var pki = CmsFixture.Create();

        var result = Inspect.With(_format, RaucBuilder.Plain(pki, RaucBuilder.Payload()))!;

        Assert.Equal(SignatureStatus.ValidUnknownKey, Assert.Single(result.Signatures).Status);
    }

    [Fact]
    public void Another_CA_does_not_make_it_trusted()
    {
        using var pki = CmsFixture.Create();
        using var other = CmsFixture.Create("Other");

        var result = Inspect.With(_format, RaucBuilder.Plain(pki, RaucBuilder.Payload()), Inspect.Anchors(("other.pem", other.CaPem)))!;

        Assert.Equal(SignatureStatus.ValidUnknownKey, Assert.Single(result.Signatures).Status);
    }

    [Fact]
    public void A_payload_changed_after_signing_is_invalid()
    {
        using var pki = CmsFixture.Create();
        var bytes = RaucBuilder.Plain(pki, RaucBuilder.Payload());
        bytes[5000] ^= 1;

        var result = Inspect.With(_format, bytes, Inspect.Anchors(("keyring.pem", pki.CaPem)))!;

        Assert.Equal(SignatureStatus.Invalid, Assert.Single(result.Signatures).Status);
        Assert.Contains(RaucBundleFormat.InvalidSignatureWeakness, result.Codes());
    }

    [Fact]
    public void A_verity_bundle_gives_its_manifest_and_its_root_hash_matches()
    {
        using var pki = CmsFixture.Create();

        var result = Inspect.With(_format, RaucBuilder.Verity(pki, RaucBuilder.Payload(blocks: 200)), Inspect.Anchors(("keyring.pem", pki.CaPem)))!;

        Assert.Equal(SignatureStatus.VerifiedTrusted, Assert.Single(result.Signatures).Status);
        Assert.Equal("2024.05-1", result.Version);
        Assert.True(result.Integrity!.Matches);
        Assert.Empty(result.Weaknesses);
        Assert.Contains(result.Facts, f => f.Name == "image.rootfs" && f.Value.Contains("filename=rootfs.img", StringComparison.Ordinal));
    }

    [Fact]
    public void A_verity_payload_changed_after_signing_keeps_a_valid_signature_but_fails_the_root_hash()
    {
        using var pki = CmsFixture.Create();
        var bytes = RaucBuilder.Verity(pki, RaucBuilder.Payload(blocks: 4));
        bytes[9000] ^= 0x80;

        var result = Inspect.With(_format, bytes, Inspect.Anchors(("keyring.pem", pki.CaPem)))!;

        Assert.Equal(SignatureStatus.VerifiedTrusted, result.Signatures[0].Status);
        Assert.False(result.Integrity!.Matches);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL)]
    [InlineData(0x8000_0000_0000_0000UL)]
    [InlineData(0x1_0000_0000UL)]
    public void A_size_field_past_the_start_or_overflowing_is_not_a_bundle(ulong size)
    {
        using var pki = CmsFixture.Create();
        var bytes = RaucBuilder.Plain(pki, RaucBuilder.Payload());
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(bytes.Length - 8), size);

        Assert.Null(Inspect.With(_format, bytes));
    }

    [Fact]
    public void A_size_field_one_short_of_the_whole_file_is_not_a_bundle()
    {
        var bytes = RaucBuilder.Assemble(RaucBuilder.Payload(1), [0x30, 0x03, 0x02, 0x01, 0x00]);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(bytes.Length - 8), (ulong)(bytes.Length - 8));

        Assert.Null(Inspect.With(_format, bytes));
    }

    [Fact]
    public void CMS_garbage_that_is_well_formed_DER_is_an_invalid_signature_not_a_crash()
    {
        byte[] garbage = [0x30, 0x14, 0x06, 0x03, 0x2A, 0x03, 0x04, 0xA0, 0x0D, 0x30, 0x0B, 0x02, 0x01, 0x01, 0x31, 0x00, 0x30, 0x02, 0x05, 0x00, 0x31, 0x00];

        var result = Inspect.With(_format, RaucBuilder.Assemble(RaucBuilder.Payload(1), garbage));

        Assert.NotNull(result);
        Assert.NotNull(result.Problem);
        Assert.DoesNotContain(result.Signatures, s => s.IsValid);
    }

    [Fact]
    public void Deeply_nested_DER_is_refused_before_it_reaches_the_ASN1_parser()
    {
        var depth = 5000;
        var der = new List<byte>();
        for (var i = 0; i < depth; i++)
        {
            der.InsertRange(0, [0x30, 0x84, .. BitConverter.GetBytes(der.Count).Reverse()]);
        }

        Assert.Null(Inspect.With(_format, RaucBuilder.Assemble(RaucBuilder.Payload(1), [.. der])));
    }

    [Fact]
    public void A_plain_squashfs_is_not_a_bundle()
    {
        Assert.Null(Inspect.With(_format, RaucBuilder.Payload(2)));
    }
}

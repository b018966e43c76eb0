using System.Text;
using ComplianceAuditor.Update.Bundles.OpenWrt;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>OpenWrt sysupgrade images with fwtool metadata and usign signatures, built here.</summary>
public sealed class OpenWrtSysupgradeFormatTests
{
    private static readonly byte[] KeyNumber = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88];
    private readonly OpenWrtSysupgradeFormat _format = new();

    [Fact]
    public void An_image_with_metadata_only_is_unsigned_and_shows_its_release()
    {
        var result = Inspect.With(_format, SysupgradeBuilder.WithMetadata())!;

        Assert.Empty(result.Signatures);
        Assert.Equal([OpenWrtSysupgradeFormat.UnsignedWeakness], result.Codes());
        Assert.Equal("18.06.2", result.Version);
        Assert.True(result.Integrity!.Matches);
        Assert.Contains(result.Facts, f => f.Name == "supported devices" && f.Value.StartsWith("tplink,archer-c7-v2", StringComparison.Ordinal));
        Assert.Contains(result.Facts, f => f.Name == "revision" && f.Value == "r7676-cddd7b4c77");
        Assert.False(result.RollbackSupported);
    }

    [Fact]
    public void A_usign_signature_verifies_with_the_key_read_from_its_usign_public_key_file()
    {
        var key = new Ed25519PrivateKeyParameters(new SecureRandom());
        var image = SysupgradeBuilder.Signed(SysupgradeBuilder.WithMetadata(), key, KeyNumber);
        Assert.True(UsignKeys.TryReadPublicKey(SysupgradeBuilder.PublicKeyFile(key, KeyNumber), out var spki, out var keyId));

        var result = Inspect.With(_format, image, Inspect.Key("1122334455667788", spki))!;

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.VerifiedTrusted, signature.Status);
        Assert.Equal("1122334455667788", keyId);
        Assert.Equal(keyId, signature.KeyId);
        Assert.Empty(result.Weaknesses);
        Assert.True(result.Integrity!.Matches);
    }

    [Fact]
    public void Without_the_key_the_usign_signature_is_by_an_unknown_key_named_by_its_key_number()
    {
        var key = new Ed25519PrivateKeyParameters(new SecureRandom());

        var signature = Assert.Single(Inspect.With(_format, SysupgradeBuilder.Signed(SysupgradeBuilder.WithMetadata(), key, KeyNumber))!.Signatures);

        Assert.Equal(SignatureStatus.UnknownKey, signature.Status);
        Assert.Equal("1122334455667788", signature.KeyId);
    }

    [Fact]
    public void A_byte_changed_in_the_image_breaks_the_CRC_and_the_signature()
    {
        var key = new Ed25519PrivateKeyParameters(new SecureRandom());
        var image = SysupgradeBuilder.Signed(SysupgradeBuilder.WithMetadata(), key, KeyNumber);
        image[10] ^= 1;
        UsignKeys.TryReadPublicKey(SysupgradeBuilder.PublicKeyFile(key, KeyNumber), out var spki, out _);

        var result = Inspect.With(_format, image, Inspect.Key("k", spki))!;

        Assert.False(result.Integrity!.Matches);
        Assert.False(result.Signatures[0].IsValid);
    }

    [Fact]
    public void A_signature_block_that_is_not_usign_is_not_verifiable()
    {
        var image = SysupgradeBuilder.Append(SysupgradeBuilder.WithMetadata(), Encoding.ASCII.GetBytes("\0\0\0\u0010ucert-blob"), type: 0);

        var signature = Assert.Single(Inspect.With(_format, image)!.Signatures);

        Assert.Equal(SignatureStatus.NotVerifiable, signature.Status);
    }

    [Fact]
    public void A_trailer_with_an_impossible_size_is_a_problem_or_nothing_but_never_a_crash()
    {
        var image = SysupgradeBuilder.WithMetadata();
        image[^1] = 0xFF;
        image[^2] = 0xFF;

        Assert.Null(Inspect.With(_format, image));
        var two = SysupgradeBuilder.Append(image, [1, 2, 3], type: 1);
        Assert.NotNull(Inspect.With(_format, two)!.Problem);
    }

    [Fact]
    public void Text_that_is_not_a_usign_key_is_refused()
    {
        Assert.False(UsignKeys.TryReadPublicKey("untrusted comment: x\nnot base64!\n"u8, out _, out _));
        Assert.False(UsignKeys.TryReadPublicKey("-----BEGIN PUBLIC KEY-----\n"u8, out _, out _));
    }
}

using System.Security.Cryptography;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Boot.Fit;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>The keys of U-Boot control DTBs: mkimage's own output, and trees built here.</summary>
public sealed class ControlDeviceTreeTests
{
    private readonly ControlDeviceTreeFormat _format = new();

    [Fact]
    public void The_key_mkimage_wrote_into_a_control_DTB_verifies_the_FIT_it_signed()
    {
        var keyring = FitRequiredKeys.Read(Corpus.Fixture("fit/u-boot-control.dtb"))!;

        var key = Assert.Single(keyring.Keys);
        Assert.Equal(("key-dev", "dev", "conf", "sha256,rsa2048", 2048), (key.Node, key.KeyName, key.Required, key.Algorithm, key.Bits));
        Assert.True(keyring.AnyRequired);
        Assert.Null(key.TestKey);

        // The SPKI rebuilt from rsa,modulus and rsa,exponent is the signer's: both signatures of signed.itb verify.
        var fit = Corpus.Inspect(new FitImageFormat(), Corpus.Fixture("fit/signed.itb"), Corpus.Anchor("control.dtb", key.Spki!))!;
        Assert.Equal(2, fit.Signatures.Count);
        Assert.All(fit.Signatures, s => Assert.Equal(SignatureStatus.VerifiedTrusted, s.Status));
        Assert.StartsWith("/configurations/conf-1/signature-1", fit.Signatures[0].Reason, StringComparison.Ordinal);

        // Its ramdisk is hashed with sha1 alone; the configuration signature covers all three images.
        Assert.Equal("fit-weak-hash", Assert.Single(fit.Weaknesses).Code);
    }

    [Fact]
    public void The_control_DTB_reads_as_a_format_without_weaknesses_when_its_key_is_required()
    {
        var inspection = Corpus.Inspect(_format, Corpus.Fixture("fit/u-boot-control.dtb"))!;

        Assert.Equal("U-Boot control device tree", inspection.Format);
        Assert.Empty(inspection.Weaknesses);
        Assert.Empty(inspection.Signatures);
        Assert.False(inspection.RollbackSupported);
        Assert.StartsWith("sha256,rsa2048, RSA-2048, required conf, SPKI SHA-256 ", inspection.Facts.Single(f => f.Name == "key dev").Value, StringComparison.Ordinal);
        Assert.Null(Corpus.Inspect(_format, Corpus.Fixture("fit/signed.itb")));
        Assert.Null(Corpus.Inspect(new FitImageFormat(), Corpus.Fixture("fit/u-boot-control.dtb")));
    }

    [Fact]
    public void A_control_DTB_whose_keys_are_not_required_lets_unsigned_FITs_boot()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var blob = EcKey(RsaKey(new FdtBlob().Begin("").Begin("signature"), "rsa", rsa, required: null), ec, required: "image")
            .Property("required-mode", "any").End().End().Build();

        var keyring = FitRequiredKeys.Read(blob)!;

        Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), keyring.Keys[0].Spki);
        Assert.Equal(ec.ExportSubjectPublicKeyInfo(), keyring.Keys[1].Spki);
        Assert.Equal(("prime256v1", 256), (keyring.Keys[1].Curve, keyring.Keys[1].Bits));
        Assert.Equal("any", keyring.RequiredMode);
        Assert.True(keyring.AnyRequired);
        Assert.Equal("key-ec", Assert.Single(keyring.RequiredKeys).Node);

        var none = new FdtBlob().Begin("").Begin("signature");
        var inspection = Corpus.Inspect(_format, RsaKey(none, "rsa", rsa, required: null).End().End().Build())!;
        Assert.Equal("fit-no-required-key", Assert.Single(inspection.Weaknesses).Code);
    }

    [SharedFact("corpus/libfdtxx/test/rsa2048_pub.der")]
    public void A_published_test_key_in_the_control_DTB_is_named()
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Corpus.Bytes("libfdtxx/test/rsa2048_pub.der"), out _);
        var blob = RsaKey(new FdtBlob().Begin("").Begin("signature"), "rsa2048", rsa, "conf").End().End().Build();

        var key = Assert.Single(FitRequiredKeys.Read(blob)!.Keys);
        var inspection = Corpus.Inspect(_format, blob)!;

        Assert.Equal("apexrtos/libfdtxx", key.TestKey!.Origins[0].Repository);
        Assert.Equal("fit-test-key-trusted", Assert.Single(inspection.Weaknesses).Code);
    }

    [Fact]
    public void Unusable_key_parts_are_named_instead_of_throwing()
    {
        var blob = new FdtBlob().Begin("").Begin("signature")
            .Begin("key-short").Property("algo", "sha256,rsa2048").Property("rsa,num-bits", 2048).Property("rsa,modulus", new byte[] { 0xC5, 1, 2, 3 }).End()
            .Begin("key-curve").Property("algo", "sha256,ecdsa256").Property("ecdsa,curve", "brainpool").End()
            .Begin("key-point").Property("algo", "sha256,ecdsa256").Property("ecdsa,curve", "prime256v1")
                .Property("ecdsa,x-point", new byte[32]).Property("ecdsa,y-point", new byte[] { 7 }).End()
            .End().End().Build();

        var keys = FitRequiredKeys.Read(blob)!.Keys;

        Assert.All(keys, k => Assert.Null(k.Spki));
        Assert.All(keys, k => Assert.NotNull(k.Problem));
        Assert.Null(FitRequiredKeys.Read(new byte[64]));
    }

    private static FdtBlob RsaKey(FdtBlob fdt, string name, RSA key, string? required)
    {
        var parameters = key.ExportParameters(false);
        var exponent = new byte[8];
        parameters.Exponent!.CopyTo(exponent, 8 - parameters.Exponent!.Length);
        fdt.Begin("key-" + name).Property("algo", "sha256,rsa2048").Property("rsa,num-bits", (uint)key.KeySize)
            .Property("rsa,modulus", parameters.Modulus!).Property("rsa,exponent", exponent).Property("key-name-hint", name);
        if (required is not null)
        {
            fdt.Property("required", required);
        }

        return fdt.End();
    }

    private static FdtBlob EcKey(FdtBlob fdt, ECDsa key, string required)
    {
        var point = key.ExportParameters(false).Q;
        return fdt.Begin("key-ec").Property("algo", "sha256,ecdsa256").Property("ecdsa,curve", "prime256v1")
            .Property("ecdsa,x-point", point.X!).Property("ecdsa,y-point", point.Y!).Property("required", required).End();
    }
}

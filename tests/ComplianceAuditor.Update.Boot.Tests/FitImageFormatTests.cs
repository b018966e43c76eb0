using System.Security.Cryptography;
using ComplianceAuditor.Update.Boot.Fit;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>FIT images built here: signed and unsigned images and configurations, tampered data, weak choices.</summary>
public sealed class FitImageFormatTests
{
    private static readonly byte[] Kernel = [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 13))];
    private static readonly byte[] Ramdisk = [.. Enumerable.Range(0, 900).Select(i => (byte)(i * 5 + 1))];

    private readonly FitImageFormat _format = new();

    [Fact]
    public void A_signed_image_without_a_configuration_signature_verifies_but_allows_mix_and_match()
    {
        using var key = RSA.Create(2048);
        var fit = new FitBuilder { DefaultConfiguration = "conf-1" };
        fit.Images.Add(new FitImageSpec("kernel", Kernel) { Signer = key });
        fit.Images.Add(new FitImageSpec("ramdisk", Ramdisk) { Type = "ramdisk" });
        fit.Configurations.Add(new FitConfigurationSpec("conf-1") { Images = { ["kernel"] = "kernel", ["ramdisk"] = "ramdisk" } });

        var inspection = Corpus.Inspect(_format, fit.Build(), Corpus.Anchor("dev.der", key.ExportSubjectPublicKeyInfo()))!;

        var signature = Assert.Single(inspection.Signatures);
        Assert.Equal(SignatureStatus.VerifiedTrusted, signature.Status);
        Assert.Equal("sha256,rsa2048", signature.Algorithm);
        Assert.Equal("dev", signature.KeyId);
        Assert.Equal("dev.der", signature.TrustedKey);
        Assert.StartsWith("/images/kernel/signature-1: ", signature.Reason, StringComparison.Ordinal);
        Assert.True(inspection.Integrity!.Matches);
        Assert.Equal(["fit-configuration-unsigned", "fit-image-unsigned"], inspection.Weaknesses.Select(w => w.Code));
        Assert.Contains("/images/ramdisk", inspection.Weaknesses[1].Description, StringComparison.Ordinal);
        Assert.Contains(inspection.Facts, f => f.Name == "default configuration" && f.Value == "conf-1");
        Assert.Same(inspection.Signatures[0], inspection.Parts[0].Signatures[0]);
    }

    [Fact]
    public void Without_the_key_the_image_signature_is_by_an_unknown_key_and_a_changed_byte_makes_it_fail()
    {
        using var key = RSA.Create(2048);
        var fit = new FitBuilder();
        fit.Images.Add(new FitImageSpec("kernel", Kernel) { Signer = key });
        var bytes = fit.Build();

        Assert.Equal(SignatureStatus.UnknownKey, Corpus.Inspect(_format, bytes)!.Signatures[0].Status);

        bytes[FitCorpusTests.IndexOf(bytes, Kernel) + 100] ^= 0x40;
        var tampered = Corpus.Inspect(_format, bytes, Corpus.Anchor("dev.der", key.ExportSubjectPublicKeyInfo()))!;

        Assert.Equal(SignatureStatus.UnknownKey, tampered.Signatures[0].Status);
        Assert.False(tampered.Integrity!.Matches);
        Assert.Contains(tampered.Parts[0].Facts, f => f.Name == "hash-1" && f.Value == "sha256 DOES NOT MATCH");
    }

    [Fact]
    public void A_signed_configuration_covers_its_images_and_its_signature_breaks_when_it_is_pointed_elsewhere()
    {
        using var key = RSA.Create(2048);
        var fit = new FitBuilder { DefaultConfiguration = "conf-1" };
        fit.Images.Add(new FitImageSpec("kernel", Kernel));
        fit.Images.Add(new FitImageSpec("kernel-2", Ramdisk));
        fit.Configurations.Add(new FitConfigurationSpec("conf-1") { Images = { ["kernel"] = "kernel" }, Signer = key });
        var bytes = fit.Build();
        var anchors = Corpus.Anchor("dev.der", key.ExportSubjectPublicKeyInfo());

        var inspection = Corpus.Inspect(_format, bytes, anchors)!;

        Assert.Equal(SignatureStatus.VerifiedTrusted, Assert.Single(inspection.Signatures).Status);
        Assert.StartsWith("/configurations/conf-1/signature-1: ", inspection.Signatures[0].Reason, StringComparison.Ordinal);

        // kernel-2 is in no signed configuration; kernel is covered by conf-1.
        var unsigned = Assert.Single(inspection.Weaknesses);
        Assert.Equal("fit-image-unsigned", unsigned.Code);
        Assert.Contains("/images/kernel-2", unsigned.Description, StringComparison.Ordinal);

        // Changing which image the signed configuration boots changes a hashed property: the signature breaks.
        var changed = (byte[])bytes.Clone();
        changed[FindConfigurationValue(changed)] = (byte)'K';
        Assert.Equal(SignatureStatus.UnknownKey, Corpus.Inspect(_format, changed, anchors)!.Signatures[0].Status);
    }

    [Fact]
    public void Data_stored_after_the_tree_is_found_hashed_and_verified()
    {
        using var key = RSA.Create(3072);
        var fit = new FitBuilder { ExternalData = true };
        fit.Images.Add(new FitImageSpec("kernel", Kernel) { Signer = key, SignAlgorithm = "sha256,rsa3072", Pss = true });
        fit.Configurations.Add(new FitConfigurationSpec("conf-1") { Images = { ["kernel"] = "kernel" }, Signer = key, SignAlgorithm = "sha256,rsa3072" });

        var inspection = Corpus.Inspect(_format, fit.Build(), Corpus.Anchor("dev.der", key.ExportSubjectPublicKeyInfo()))!;

        Assert.Null(inspection.Problem);
        Assert.Equal(2, inspection.Signatures.Count);
        Assert.All(inspection.Signatures, s => Assert.Equal(SignatureStatus.VerifiedTrusted, s.Status));
        Assert.Contains(inspection.Parts[0].Facts, f => f.Name == "data" && f.Value.StartsWith("data-offset, 3000 bytes", StringComparison.Ordinal));
        Assert.Empty(inspection.Weaknesses);
    }

    [Fact]
    public void Weak_hashes_and_short_RSA_keys_are_weaknesses()
    {
        using var small = RSA.Create(1024);
        var fit = new FitBuilder();
        fit.Images.Add(new FitImageSpec("kernel", Kernel) { Hashes = ["crc32", "sha1"], Signer = small, SignAlgorithm = "sha1,rsa1024" });
        fit.Configurations.Add(new FitConfigurationSpec("conf-1") { Images = { ["kernel"] = "kernel" } });

        var inspection = Corpus.Inspect(_format, fit.Build(), Corpus.Anchor("small.der", small.ExportSubjectPublicKeyInfo()))!;

        Assert.Equal(SignatureStatus.VerifiedTrusted, inspection.Signatures[0].Status);
        Assert.True(inspection.Integrity!.Matches);
        Assert.Equal("crc32 + sha1", inspection.Integrity.Kind);
        Assert.Equal(
            ["fit-configuration-unsigned", "fit-weak-hash", "fit-weak-hash", "fit-weak-key"],
            inspection.Weaknesses.Select(w => w.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_wrong_crc32_hash_node_is_reported_as_a_mismatch()
    {
        var fit = new FitBuilder();
        fit.Images.Add(new FitImageSpec("kernel", Kernel) { Hashes = ["crc32", "md5"], HashValue = a => a == "crc32" ? [1, 2, 3, 4] : FitHashAlgorithm.Compute(a, Kernel)! });

        var inspection = Corpus.Inspect(_format, fit.Build())!;

        Assert.False(inspection.Integrity!.Matches);
        Assert.Contains(inspection.Parts[0].Facts, f => f.Name == "hash-2" && f.Value == "md5 matches");
        Assert.Empty(inspection.Signatures);
        Assert.Contains(inspection.Weaknesses, w => w.Code == "fit-image-unsigned");
    }

    [Fact]
    public void A_Rockchip_rollback_index_is_the_rollback_value_and_mainline_FITs_have_none()
    {
        var fit = new FitBuilder();
        fit.Images.Add(new FitImageSpec("uboot", Kernel) { Type = "firmware", RollbackIndex = 7 });
        fit.Images.Add(new FitImageSpec("optee", Ramdisk) { Type = "tee", RollbackIndex = 5 });

        var inspection = Corpus.Inspect(_format, fit.Build())!;

        Assert.True(inspection.RollbackSupported);
        Assert.Equal(5ul, inspection.Rollback!.Value);
        Assert.Equal("/images/optee property rollback-index", inspection.Rollback.Location);
        Assert.Equal(7ul, inspection.Parts[0].Rollback!.Value);
    }

    [Fact]
    public void Configuration_signatures_U_Boot_would_refuse_are_invalid_with_the_reason()
    {
        var blob = new FdtBlob().Begin("").Begin("images").Begin("kernel").Property("data", Kernel).End().End()
            .Begin("configurations").Begin("conf-1").Property("kernel", "kernel")
            .Begin("signature-1").Property("algo", "sha256,rsa2048").Property("value", new byte[256])
            .Property("hashed-nodes", "/\0/configurations/conf-2").End()
            .Begin("signature-2").Property("algo", "md4,dsa1024").Property("value", new byte[128]).End()
            .End().End().End().Build();

        var inspection = Corpus.Inspect(_format, blob)!;

        Assert.Equal(SignatureStatus.Invalid, inspection.Signatures[0].Status);
        Assert.Contains("does not name its own configuration", inspection.Signatures[0].Reason, StringComparison.Ordinal);
        Assert.Equal(SignatureStatus.NotVerifiable, inspection.Signatures[1].Status);
    }

    [Fact]
    public void An_ECDSA_image_signature_in_U_Boot_s_raw_form_verifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = key.SignData(Kernel, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var blob = new FdtBlob().Begin("").Begin("images").Begin("kernel").Property("data", Kernel)
            .Begin("signature-1").Property("algo", "sha256,ecdsa256").Property("key-name-hint", "ec").Property("value", signature).End()
            .End().End().End().Build();

        var inspection = Corpus.Inspect(_format, blob, Corpus.Anchor("ec.der", key.ExportSubjectPublicKeyInfo()))!;

        Assert.Equal((SignatureStatus.VerifiedTrusted, "ec"), (inspection.Signatures[0].Status, inspection.Signatures[0].KeyId));
        Assert.Equal("fit-configuration-unsigned", Assert.Single(inspection.Weaknesses).Code);
    }

    [Fact]
    public void Signatures_beyond_the_work_limit_are_not_verified_and_the_FIT_says_so()
    {
        var fdt = new FdtBlob().Begin("").Begin("images").Begin("kernel").Property("data", Kernel);
        for (var i = 0; i < FitWorkBudget.MaxSignatures + 20; i++)
        {
            fdt.Begin($"signature-{i}").Property("algo", "sha256,rsa2048").Property("value", new byte[256]).End();
        }

        var inspection = Corpus.Inspect(_format, fdt.End().End().End().Build())!;

        Assert.Equal(FitWorkBudget.MaxSignatures + 20, inspection.Signatures.Count);
        Assert.Equal(20, inspection.Signatures.Count(s => s.Status == SignatureStatus.NotVerifiable));
        Assert.Equal(FitWorkBudget.Problem, inspection.Problem);
    }

    /// <summary>The value of conf-1's "kernel" property: the last "kernel\0" string in the struct block.</summary>
    private static int FindConfigurationValue(byte[] bytes)
    {
        var configurations = FitCorpusTests.IndexOf(bytes, "configurations\0"u8);
        return configurations + bytes.AsSpan(configurations).IndexOf("kernel\0"u8);
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Boot.Avb;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>AVB vbmeta images: LineageOS's sdm845 image, and images built and signed here.</summary>
public sealed class VbmetaFormatTests
{
    private const string Sdm845 = "android_device_oneplus_sdm845-common/vbmeta.img";

    private readonly VbmetaFormat _format = new();

    [SharedFact("corpus/" + Sdm845)]
    public void The_sdm845_vbmeta_disables_verification_uses_the_AOSP_test_key_and_has_rollback_index_0()
    {
        var inspection = Corpus.Inspect(_format, Corpus.Bytes(Sdm845))!;
        var facts = inspection.Facts.ToDictionary(f => f.Name, f => f.Value);

        Assert.Equal("SHA256_RSA4096", facts["algorithm"]);
        Assert.Equal("0x3 (HASHTREE_DISABLED, VERIFICATION_DISABLED)", facts["flags"]);
        Assert.Equal(["avb-verification-disabled", "avb-hashtree-disabled", "avb-rollback-index-zero"], inspection.Weaknesses.Select(w => w.Code));
        Assert.Equal(("rollback index", 0ul), (inspection.Rollback!.Name, inspection.Rollback.Value));
        Assert.Equal("2 hash, 2 hashtree, 2 kernel_cmdline", StripNames(facts["descriptors"]));

        // The flags were set after signing (fastboot --disable-verification does that): the stored bytes no longer
        // match the hash or the signature, which was made with testkey_rsa4096 over the header with flags 0.
        var signature = Assert.Single(inspection.Signatures);
        Assert.Equal(SignatureStatus.Invalid, signature.Status);
        Assert.Equal("2597c218aae470a130f61162feaae70afd97f011", signature.KeyId);
        Assert.Equal("test/data/testkey_rsa4096.pem", signature.TestKey!.Origins.First(o => o.Repository == "jbeich/platform_external_avb").Path);
        Assert.Contains("changed to 0x3 after signing", signature.Reason, StringComparison.Ordinal);
        Assert.False(inspection.Integrity!.Matches);
        Assert.Equal("0 (the flags were set after signing)", facts["signed flags"]);
    }

    [SharedFact("corpus/" + Sdm845)]
    public void With_its_original_flags_the_sdm845_vbmeta_is_signed_with_the_AOSP_test_key()
    {
        var bytes = Corpus.Bytes(Sdm845);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(120), 0);

        var inspection = Corpus.Inspect(_format, bytes)!;

        Assert.Equal(SignatureStatus.SignedWithTestKey, inspection.Signatures[0].Status);
        Assert.True(inspection.Integrity!.Matches);
        Assert.Equal("avb-rollback-index-zero", Assert.Single(inspection.Weaknesses).Code);
    }

    [SharedFact("corpus/platform_external_avb/test/data/testkey_rsa4096_pub.pem")]
    public void The_key_blob_built_for_the_tests_has_avbtool_s_SHA_1_for_the_AOSP_key()
    {
        using var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "corpus", "platform_external_avb", "test", "data", "testkey_rsa4096_pub.pem")));

        var blob = VbmetaBuilder.KeyBlob(key.ExportParameters(false));

#pragma warning disable CA5350 // The SHA-1 is the identifier avbtool prints.
        Assert.Equal("2597c218aae470a130f61162feaae70afd97f011", Convert.ToHexStringLower(SHA1.HashData(blob)));
#pragma warning restore CA5350
    }

    [Theory]
    [InlineData(1u, "SHA256_RSA2048", "SHA-256")]
    [InlineData(4u, "SHA512_RSA2048", "SHA-512")]
    public void A_vbmeta_signed_here_verifies_when_anchored_is_valid_but_unknown_otherwise_and_fails_when_changed(uint algorithm, string name, string hash)
    {
        using var key = RSA.Create(2048);
        var bytes = VbmetaBuilder.Build(key, algorithm);
        var anchors = Corpus.Anchor("vbmeta.der", key.ExportSubjectPublicKeyInfo());

        var trusted = Corpus.Inspect(_format, bytes, anchors)!;
        Assert.Equal((SignatureStatus.VerifiedTrusted, name), (trusted.Signatures[0].Status, trusted.Signatures[0].Algorithm));
        Assert.Equal((hash, true), (trusted.Integrity!.Kind, trusted.Integrity.Matches));
        Assert.Equal(3ul, trusted.Rollback!.Value);
        Assert.Equal("1 hash (boot)", trusted.Facts.Single(f => f.Name == "descriptors").Value);
        Assert.Empty(trusted.Weaknesses);
        Assert.Null(trusted.Problem);

        Assert.Equal(SignatureStatus.ValidUnknownKey, Corpus.Inspect(_format, bytes)!.Signatures[0].Status);

        // A byte of the descriptor's partition name (auxiliary block) changed.
        bytes[FitCorpusTests.IndexOf(bytes, "boot"u8)] ^= 0x01;
        var tampered = Corpus.Inspect(_format, bytes, anchors)!;
        Assert.Equal(SignatureStatus.Invalid, tampered.Signatures[0].Status);
        Assert.False(tampered.Integrity!.Matches);
    }

    [Fact]
    public void Algorithm_NONE_is_unsigned_and_the_flags_are_weaknesses()
    {
        var inspection = Corpus.Inspect(_format, VbmetaBuilder.Build(null, algorithm: 0, rollbackIndex: 0, flags: 2))!;

        Assert.Empty(inspection.Signatures);
        Assert.Null(inspection.Integrity);
        Assert.Equal("NONE", inspection.Facts.Single(f => f.Name == "algorithm").Value);
        Assert.Equal(["avb-verification-disabled", "avb-rollback-index-zero"], inspection.Weaknesses.Select(w => w.Code));
    }

    [Theory]
    [InlineData(12, 0xFFFF_FFFF_FFFF_FFC0ul)] // authentication block size that overflows when added
    [InlineData(20, 0x1_0000ul)] // auxiliary block past the end of the file
    [InlineData(20, 0xFFFF_FFFF_FFFF_FFC0ul)]
    [InlineData(48, 0xFFFF_FFFF_FFFF_FFF0ul)] // signature offset outside the authentication block
    [InlineData(56, 0x8000_0000_0000_0000ul)] // signature size overflowing offset + size
    [InlineData(64, 0x4000ul)] // public key offset outside the auxiliary block
    [InlineData(104, 0xFFFF_FFFF_FFFF_FFFFul)] // descriptors size
    [InlineData(12, 65ul)] // not a multiple of 64
    public void Lying_sizes_and_offsets_are_a_problem_not_an_exception(int field, ulong value)
    {
        using var key = RSA.Create(2048);
        var bytes = VbmetaBuilder.Build(key);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(field), value);

        var inspection = Corpus.Inspect(_format, bytes)!;

        Assert.NotNull(inspection.Problem);
        Assert.Equal(SignatureStatus.Invalid, Assert.Single(inspection.Signatures).Status);
    }

    [Fact]
    public void A_lying_descriptor_length_an_unknown_algorithm_and_a_wrong_magic_are_handled()
    {
        using var key = RSA.Create(2048);
        var bytes = VbmetaBuilder.Build(key);
        var auxiliary = 256 + (int)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(auxiliary + 8), 0x7FFF_FFFF_FFFF_FFF8);
        Assert.Contains("descriptor 0", Corpus.Inspect(_format, bytes)!.Problem, StringComparison.Ordinal);

        var unknown = VbmetaBuilder.Build(key);
        BinaryPrimitives.WriteUInt32BigEndian(unknown.AsSpan(28), 9);
        Assert.Contains("algorithm type 9", Corpus.Inspect(_format, unknown)!.Problem, StringComparison.Ordinal);

        var other = VbmetaBuilder.Build(key);
        other[3] = (byte)'1';
        Assert.Null(Corpus.Inspect(_format, other));
        Assert.Null(Corpus.Inspect(_format, other[..100]));
    }

    private static string StripNames(string descriptors) =>
        System.Text.RegularExpressions.Regex.Replace(descriptors, @" \([^)]*\)", string.Empty);
}

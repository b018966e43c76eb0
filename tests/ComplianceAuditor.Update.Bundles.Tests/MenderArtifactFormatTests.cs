using System.Security.Cryptography;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Update.Bundles.Mender;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>Mender artifacts: built here with fresh keys (signed, unsigned, tampered, hostile) and the corpus samples.</summary>
public sealed class MenderArtifactFormatTests
{
    private const string Data = "corpus/mender-artifact/tests/data/";
    private readonly MenderArtifactFormat _format = new();

    [Fact]
    public void An_artifact_signed_with_a_trusted_P256_key_verifies_and_every_digest_matches()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = Inspect.With(_format, MenderBuilder.Build(MenderBuilder.Ecdsa(key)), Inspect.Key("mender.pem", key.ExportSubjectPublicKeyInfo()))!;

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.VerifiedTrusted, signature.Status);
        Assert.Equal("ECDSA SHA-256 (DER)", signature.Algorithm);
        Assert.True(result.Integrity!.Matches);
        Assert.Equal("release-7", result.Version);
        Assert.Contains(result.Facts, f => f.Name == "device types" && f.Value == "board-a, board-b");
        Assert.Contains(result.Facts, f => f.Name == "manifest: data/0000/rootfs.ext4" && f.Value == "sha256 matches");
        Assert.False(result.RollbackSupported);
        Assert.Null(result.Rollback);
        Assert.Empty(result.Weaknesses);
    }

    [Fact]
    public void Without_the_key_the_signature_is_by_an_unknown_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(SignatureStatus.UnknownKey, Assert.Single(Inspect.With(_format, MenderBuilder.Build(MenderBuilder.Ecdsa(key)))!.Signatures).Status);
    }

    [Fact]
    public void With_only_another_key_trusted_the_signature_is_not_verified()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = Inspect.With(_format, MenderBuilder.Build(MenderBuilder.Ecdsa(key)), Inspect.Key("other.pem", other.ExportSubjectPublicKeyInfo()))!;

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.UnknownKey, signature.Status);
        Assert.False(signature.IsValid);
    }

    [Fact]
    public void An_RSA_signed_artifact_verifies_with_its_key()
    {
        using var key = RSA.Create(2048);

        var result = Inspect.With(_format, MenderBuilder.Build(MenderBuilder.Rsa(key)), Inspect.Key("rsa.pem", key.ExportSubjectPublicKeyInfo()))!;

        Assert.Equal(SignatureStatus.VerifiedTrusted, Assert.Single(result.Signatures).Status);
    }

    [Fact]
    public void An_unsigned_artifact_is_flagged()
    {
        var result = Inspect.With(_format, MenderBuilder.Build(sign: null))!;

        Assert.Empty(result.Signatures);
        Assert.Equal([MenderArtifactFormat.UnsignedWeakness], result.Codes());
        Assert.True(result.Integrity!.Matches);
    }

    [Fact]
    public void A_payload_changed_after_signing_keeps_the_signature_but_fails_the_manifest_digest()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var changed = (byte[])MenderBuilder.Rootfs.Clone();
        changed[0] ^= 1;

        var result = Inspect.With(_format, MenderBuilder.Build(MenderBuilder.Ecdsa(key), changed), Inspect.Key("k.pem", key.ExportSubjectPublicKeyInfo()))!;

        Assert.Equal(SignatureStatus.VerifiedTrusted, result.Signatures[0].Status);
        Assert.False(result.Integrity!.Matches);
        Assert.Contains(result.Facts, f => f.Name == "manifest: data/0000/rootfs.ext4" && f.Value == "sha256 does not match");
    }

    [Fact]
    public void A_manifest_that_does_not_list_the_header_leaves_it_uncovered()
    {
        var result = Inspect.With(_format, MenderBuilder.Build(sign: null, editManifest: m => string.Join('\n', m.Split('\n').Where(l => !l.Contains("header", StringComparison.Ordinal)))))!;

        Assert.False(result.Integrity!.Matches);
        Assert.Contains(result.Facts, f => f.Name == "manifest: header.tar.gz" && f.Value.Contains("not listed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tar_member_with_a_huge_size_is_a_problem_not_an_allocation()
    {
        var bytes = TarWriter.Write([("version", """{"format":"mender","version":3}"""u8.ToArray())]);
        var huge = TarWriter.Header("manifest", 0x7FFF_FFFF_FFFF);
        byte[] hostile = [.. bytes.AsSpan(0, 1024), .. huge, .. new byte[1024]];

        var result = Inspect.With(_format, hostile)!;

        Assert.Contains("past the end", result.Problem, StringComparison.Ordinal);
        Assert.Contains(MenderArtifactFormat.UnsignedWeakness, result.Codes());
    }

    [Fact]
    public void A_tar_whose_first_member_is_not_the_mender_version_is_not_an_artifact()
    {
        Assert.Null(Inspect.With(_format, TarWriter.Write([("version", "1.0"u8.ToArray())])));
        Assert.Null(Inspect.With(_format, TarWriter.Write([("README", "hello"u8.ToArray())])));
    }

    [SharedFact(Data + "a0-signed-nitro.mender")]
    public void The_signed_sample_is_signed_with_the_published_ec_pem_and_its_digests_match()
    {
        var result = Corpus.Inspect(_format, Data + "a0-signed-nitro.mender")!;

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.SignedWithTestKey, signature.Status);
        Assert.Equal("tests/data/ec.pem", signature.TestKey!.Origins[0].Path);
        Assert.True(result.Integrity!.Matches);
        Assert.Equal("a0", result.Version);
        Assert.Contains(result.Facts, f => f.Name == "device types" && f.Value == "raspberrypi5");
        Assert.Empty(result.Weaknesses);
    }

    [SharedFact(Data + "ec.pem")]
    public void Given_ec_pem_as_the_trusted_key_the_sample_still_counts_as_signed_with_a_test_key()
    {
        var result = Corpus.Inspect(_format, Data + "a0-signed-nitro.mender", Corpus.Anchors(Data + "ec.pem"))!;

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(SignatureStatus.SignedWithTestKey, signature.Status);
        Assert.Equal("ec.pem", signature.TrustedKey);
    }

    [SharedFact(Data + "DERIVED-a0-unsigned.mender")]
    public void The_derived_sample_without_manifest_sig_is_unsigned()
    {
        var result = Corpus.Inspect(_format, Data + "DERIVED-a0-unsigned.mender")!;

        Assert.Empty(result.Signatures);
        Assert.Equal([MenderArtifactFormat.UnsignedWeakness], result.Codes());
        Assert.True(result.Integrity!.Matches);
    }
}

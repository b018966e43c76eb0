using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Update.Bundles.Swupdate;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;

namespace ComplianceAuditor.Update.Bundles.Tests;

/// <summary>SWUpdate bundles we build: image digests, unsigned and malformed archives, lone sw-description files.</summary>
public sealed class SwupdateBundleFormatTests
{
    private readonly SwupdateBundleFormat _format = new();

    [Fact]
    public void An_image_whose_bytes_differ_from_its_sha256_is_reported()
    {
        using var key = RSA.Create(2048);
        var description = SwuBuilder.Description();
        var changed = (byte[])SwuBuilder.Rootfs.Clone();
        changed[100] ^= 0xFF;

        var result = Inspect.With(_format, SwuBuilder.Build(description, SwuBuilder.SignPkcs1(key, description), changed), Inspect.Key("k.pem", key.ExportSubjectPublicKeyInfo()))!;

        Assert.Equal(SignatureStatus.VerifiedTrusted, result.Signatures[0].Status);
        Assert.False(result.Integrity!.Matches);
        var weakness = Assert.Single(result.Weaknesses);
        Assert.Equal(SwupdateBundleFormat.MismatchWeakness, weakness.Code);
        Assert.Contains("rootfs.ext4", weakness.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_signed_bundle_an_image_without_sha256_is_a_weakness()
    {
        using var key = RSA.Create(2048);
        var description = SwuBuilder.Description(kernelSha256: false);

        var result = Inspect.With(_format, SwuBuilder.Build(description, SwuBuilder.SignPkcs1(key, description)))!;

        var weakness = Assert.Single(result.Weaknesses);
        Assert.Equal(SwupdateBundleFormat.MissingSha256Weakness, weakness.Code);
        Assert.Contains("zImage", weakness.Description, StringComparison.Ordinal);
        Assert.Contains(result.Facts, f => f.Value == "zImage: no sha256");
    }

    [Fact]
    public void An_unsigned_bundle_is_reported_unsigned_with_its_digests_still_checked()
    {
        var result = Inspect.With(_format, SwuBuilder.Build(SwuBuilder.Description(kernelSha256: false), signature: null))!;

        Assert.Empty(result.Signatures);
        Assert.Equal([SwupdateBundleFormat.UnsignedWeakness], result.Codes());
        Assert.True(result.Integrity!.Matches);
    }

    [Fact]
    public void A_signature_member_that_is_not_second_does_not_count()
    {
        using var key = RSA.Create(2048);
        var description = SwuBuilder.Description();
        var bytes = CpioWriter.Write([("sw-description", description), ("rootfs.ext4", SwuBuilder.Rootfs), ("sw-description.sig", SwuBuilder.SignPkcs1(key, description))]);

        var result = Inspect.With(_format, bytes)!;

        Assert.Empty(result.Signatures);
        Assert.Contains(SwupdateBundleFormat.UnsignedWeakness, result.Codes());
        Assert.Contains(result.Facts, f => f.Name == "sw-description.sig");
    }

    [Fact]
    public void A_cpio_whose_first_member_is_not_sw_description_is_not_a_bundle()
    {
        var bytes = CpioWriter.Write([("init", "#!/bin/sh\n"u8.ToArray()), ("sw-description", SwuBuilder.Description())]);

        Assert.Null(Inspect.With(_format, bytes));
    }

    [Fact]
    public void An_encrypted_sw_description_is_a_problem_not_a_crash()
    {
        var random = new byte[600];
        new Random(7).NextBytes(random);

        var result = Inspect.With(_format, SwuBuilder.Build(random, signature: null))!;

        Assert.Contains("not text", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_whose_size_runs_past_the_archive_is_a_problem_and_earlier_members_are_kept()
    {
        using var output = new MemoryStream();
        CpioWriter.AddMember(output, "sw-description", SwuBuilder.Description(), 1, withChecksum: false);
        CpioWriter.AddMember(output, "rootfs.ext4", SwuBuilder.Rootfs, 2, withChecksum: false, declaredSize: 0x7FFF_FFFF);

        var result = Inspect.With(_format, output.ToArray())!;

        Assert.NotNull(result.Problem);
        Assert.Equal("2.4.1", result.Version);
        Assert.Contains(result.Facts, f => f.Value.Contains("not in this .swu", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lone_sw_description_lists_its_images_and_missing_digests_without_signatures()
    {
        var result = Inspect.With(_format, SwuBuilder.Description(kernelSha256: false), fileName: "sw-description")!;

        Assert.Empty(result.Signatures);
        Assert.Equal([SwupdateBundleFormat.MissingSha256Weakness], result.Codes());
        Assert.Null(result.Integrity!.Matches);
        Assert.Contains(result.Facts, f => f.Name == "input" && f.Value.Contains(".swu", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_named_sw_description_that_is_not_readable_is_reported_with_its_defect()
    {
        var result = Inspect.With(_format, "<?xml version=\"1.0\"?><software/>"u8.ToArray(), fileName: "sw-description")!;

        Assert.NotNull(result.Problem);
    }

    [Fact]
    public void Other_text_is_not_taken_for_a_description()
    {
        Assert.Null(Inspect.With(_format, Encoding.UTF8.GetBytes("network = { ip = \"10.0.0.1\"; };\n"), fileName: "app.cfg"));
        Assert.Null(Inspect.With(_format, Encoding.UTF8.GetBytes("software = { broken"), fileName: "notes.txt"));
    }
}

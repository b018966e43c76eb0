using System.Buffers.Binary;
using System.Security.Cryptography;
using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// CMP2063 (every SWUpdate image bound by a matching sha256) and CMP2064 (RAUC verity rather than plain bundles), on
/// bundles made by the Bundles tests' builders and signed with fresh keys.
/// </summary>
public sealed class BundleRuleTests
{
    private static async Task<CheckResult> JudgeAsync(string ruleId, string fileName, byte[] bundle) =>
        RuleAudit.OnTarget(await RuleAudit.FileAsync(fileName, bundle, [ruleId]), ruleId);

    private static byte[] SignedSwu(RSA key, byte[] description, byte[]? rootfs = null) =>
        SwuBuilder.Build(description, SwuBuilder.SignPkcs1(key, description), rootfs);

    [Fact]
    public async Task A_signed_swu_whose_images_all_carry_a_matching_sha256_passes_CMP2063()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2063", "update.swu", SignedSwu(key, SwuBuilder.Description()));

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("SWUpdate bundle shows none of", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_listed_without_sha256_fails_CMP2063_naming_it()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2063", "update.swu", SignedSwu(key, SwuBuilder.Description(kernelSha256: false)));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("zImage", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("rootfs.ext4", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_changed_after_signing_fails_CMP2063_as_a_mismatch()
    {
        using var key = RSA.Create(2048);
        var tampered = SwuBuilder.Rootfs.ToArray();
        tampered[100] ^= 0x40;

        var result = await JudgeAsync("CMP2063", "update.swu", SignedSwu(key, SwuBuilder.Description(), tampered));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("rootfs.ext4", result.Reason, StringComparison.Ordinal);
        Assert.Contains("swupdate-sha256-mismatch", result.EvidenceKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_RAUC_bundle_fails_CMP2064()
    {
        using var pki = CmsFixture.Create();

        var result = await JudgeAsync("CMP2064", "update.raucb", RaucBuilder.Plain(pki, Squashfs(RaucBuilder.Payload())));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("plain bundle format", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verity_RAUC_bundle_passes_CMP2064()
    {
        using var pki = CmsFixture.Create();

        var result = await JudgeAsync("CMP2064", "update.raucb", RaucBuilder.Verity(pki, Squashfs(RaucBuilder.Payload())));

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("RAUC bundle shows none of 'rauc-plain-format'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundle_rules_are_not_applicable_to_each_other_s_format()
    {
        using var key = RSA.Create(2048);
        using var pki = CmsFixture.Create();

        var swu = await JudgeAsync("CMP2064", "update.swu", SignedSwu(key, SwuBuilder.Description()));
        var rauc = await JudgeAsync("CMP2063", "update.raucb", RaucBuilder.Verity(pki, Squashfs(RaucBuilder.Payload())));

        Assert.Equal(Outcome.NotApplicable, swu.Outcome);
        Assert.Equal(Outcome.NotApplicable, rauc.Outcome);
    }

    /// <summary>
    /// Writes bytes_used (superblock offset 40) as a real squashfs has it. The audit only reads a file whole as a RAUC
    /// bundle when the file system ends before the signature; the builder's stand-in payload leaves the field random.
    /// </summary>
    private static byte[] Squashfs(byte[] payload)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(40), (ulong)payload.Length);
        return payload;
    }
}

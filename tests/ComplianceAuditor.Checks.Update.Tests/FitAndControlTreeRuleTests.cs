using System.Security.Cryptography;
using ComplianceAuditor.Checks.Update.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.KeyMaterial.Catalog;
using ComplianceAuditor.Update.Bundles.Tests.Fixtures;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// CMP2045 (FIT configurations signed), CMP2046 (weak hashes and short RSA keys in FIT and Mongoose OS packages) and
/// CMP2047 (U-Boot control DTB requires a key that is not a published one).
/// </summary>
public sealed class FitAndControlTreeRuleTests
{
    private static async Task<CheckResult> JudgeAsync(string ruleId, string fileName, byte[] image) =>
        RuleAudit.OnTarget(await RuleAudit.FileAsync(fileName, image, [ruleId]), ruleId);

    [Fact]
    public async Task A_FIT_with_signed_images_and_a_signed_configuration_passes_CMP2045()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2045", "image.itb", FitTree.Fit(key, signImages: true, signConfiguration: true));

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("U-Boot FIT image shows none of", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_images_without_a_signed_configuration_fail_CMP2045_as_mix_and_match()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2045", "image.itb", FitTree.Fit(key, signImages: true, signConfiguration: false));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("none of the 1 configurations (conf-1) has a signature node", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("has no signature node and no signed configuration covers it", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_FIT_signed_nowhere_fails_CMP2045_for_the_configuration_and_each_image()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2045", "image.itb", FitTree.Fit(key, signImages: false, signConfiguration: false));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("image /images/kernel-1 has no signature node", result.Reason, StringComparison.Ordinal);
        Assert.Contains("image /images/fdt-1 has no signature node", result.Reason, StringComparison.Ordinal);
        Assert.Equal(3, result.Evidence.Count);
    }

    [Fact]
    public async Task Images_covered_only_by_the_configuration_signature_pass_CMP2045()
    {
        // mkimage's usual output: hashes on the images, one signature on the configuration covering them.
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2045", "image.itb", FitTree.Fit(key, signImages: false, signConfiguration: true));

        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task A_FIT_with_one_unsigned_configuration_among_signed_ones_fails_CMP2045()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2045", "image.itb", FitTree.OneUnsignedConfiguration(key));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("conf-2", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_signature_that_leaves_out_an_image_fails_CMP2045_for_that_image()
    {
        // conf-1 names kernel and fdt but its signature's sign-images lists only the kernel; the images carry no signature.
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2045", "image.itb", FitTree.Fit(key, signImages: false, signConfiguration: true, covers: ["kernel"]));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("image /images/fdt-1 has no signature node and no signed configuration covers it", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("kernel-1", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha1", "sha256,rsa2048", "is hashed only with sha1")]
    [InlineData("crc32", "sha256,rsa2048", "is hashed only with crc32")]
    [InlineData("md5", "sha256,rsa2048", "is hashed only with md5")]
    [InlineData("sha256", "sha1,rsa2048", "uses a weak hash (sha1,rsa2048)")]
    public async Task Weak_FIT_hashes_fail_CMP2046(string hash, string signature, string expected)
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2046", "image.itb", FitTree.Fit(key, signImages: true, signConfiguration: true, hash, signature));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_RSA_1024_signature_fails_CMP2046_and_sha256_with_RSA_2048_passes()
    {
        using var shortKey = RSA.Create(1024);
        using var key = RSA.Create(2048);

        var weak = await JudgeAsync("CMP2046", "image.itb", FitTree.Fit(shortKey, signImages: true, signConfiguration: true, signatureAlgorithm: "sha256,rsa1024"));
        var strong = await JudgeAsync("CMP2046", "image.itb", FitTree.Fit(key, signImages: true, signConfiguration: true));

        Assert.Equal(Outcome.Fail, weak.Outcome);
        Assert.Contains("is signed with sha256,rsa1024", weak.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, strong.Outcome);
    }

    [Fact]
    public async Task A_Mongoose_OS_package_with_only_SHA_1_checksums_fails_CMP2046_and_one_with_SHA_256_passes()
    {
        var sha1 = await JudgeAsync("CMP2046", "fw.zip", MongooseBuilder.Build());
        var sha256 = await JudgeAsync("CMP2046", "fw.zip", MongooseBuilder.Build(sha256: true));

        Assert.Equal(Outcome.Fail, sha1.Outcome);
        Assert.Contains("SHA-1", sha1.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, sha256.Outcome);
    }

    [Fact]
    public async Task A_control_DTB_whose_key_is_not_required_fails_CMP2047()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2047", "u-boot.dtb", FitTree.ControlDtb(key.ExportParameters(false), required: null));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("none of the 1 keys under /signature is marked required", result.Reason, StringComparison.Ordinal);
        Assert.Contains("key dev: sha256,rsa2048, RSA-2048, not required", Assert.Single(result.Evidence).Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_control_DTB_that_requires_a_published_test_key_fails_CMP2047()
    {
        var (published, spki) = KnownTestKeys.PublicKeys.First(k => k.Key.Type == "RSA-2048");
        using var key = RSA.Create();
        key.ImportSubjectPublicKeyInfo(spki, out _);

        var result = await JudgeAsync("CMP2047", "u-boot.dtb", FitTree.ControlDtb(key.ExportParameters(false), required: "conf"));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("key key-dev is a published test key", result.Reason, StringComparison.Ordinal);
        Assert.Contains(published.Origins[0].Path, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_control_DTB_that_requires_the_product_s_own_key_passes_CMP2047()
    {
        using var key = RSA.Create(2048);

        var result = await JudgeAsync("CMP2047", "u-boot.dtb", FitTree.ControlDtb(key.ExportParameters(false), required: "conf"));

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Contains("U-Boot control device tree shows none of", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CMP2047_is_not_applicable_to_a_FIT_and_CMP2045_not_to_a_control_DTB()
    {
        using var key = RSA.Create(2048);

        var fit = await JudgeAsync("CMP2047", "image.itb", FitTree.Fit(key, signImages: true, signConfiguration: true));
        var dtb = await JudgeAsync("CMP2045", "u-boot.dtb", FitTree.ControlDtb(key.ExportParameters(false), required: "conf"));

        Assert.Equal(Outcome.NotApplicable, fit.Outcome);
        Assert.Equal(Outcome.NotApplicable, dtb.Outcome);
    }
}

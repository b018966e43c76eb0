using System.Security.Cryptography;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Tests.Update;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>
/// The generic update-image rules (CMP2032-CMP2036) end to end, on MCUboot images: our own signed and unsigned ones,
/// and a corpus image signed with a sample key. The per-format readers have their own tests.
/// </summary>
public sealed class UpdateImageRuleTests
{
    private static readonly byte[] Body = [.. Enumerable.Range(0, 2048).Select(i => (byte)(i * 13))];

    private static async Task<Dictionary<string, CheckResult>> AuditAsync(byte[] image, params ECDsa[] trusted)
    {
        using var root = new TempDirectory();
        var path = root.Write("zephyr.signed.bin", image);
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([path], null)[0], new InventoryOptions(), CancellationToken.None);
        var rules = RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules.Where(r => r.Id is "CMP2032" or "CMP2033" or "CMP2034" or "CMP2035" or "CMP2036").ToArray();
        var anchors = new TrustAnchors([.. trusted.Select(k => new TrustedKey("device.pem", k.ExportSubjectPublicKeyInfo(), Convert.ToHexStringLower(SHA256.HashData(k.ExportSubjectPublicKeyInfo()))))], []);
        var results = await new AuditEngine(new CheckRegistry(UpdateChecks.All(anchors)), new EngineOptions()).RunAsync([inventory], rules, null, CancellationToken.None);
        return results.ToDictionary(r => r.RuleId);
    }

    [Fact]
    public async Task An_image_signed_with_the_product_s_own_key_and_a_counter_passes_every_rule()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var results = await AuditAsync(McubootImageBuilder.Build(Body, key, securityCounter: 3), key);

        Assert.All(results.Values, r => Assert.Equal(Outcome.Pass, r.Outcome));
        Assert.Equal("MCUboot image: security counter (SEC_CNT) 3 (protected TLV 0x50)", results["CMP2034"].Reason);
        Assert.Equal("the ECDSA signature verifies with the trusted key device.pem", results["CMP2035"].Reason);
    }

    [Fact]
    public async Task Signed_by_another_key_than_the_device_trusts_fails_only_the_trusted_signer_rule()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var device = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var results = await AuditAsync(McubootImageBuilder.Build(Body, key, securityCounter: 3), device);
        var withoutKeys = await AuditAsync(McubootImageBuilder.Build(Body, key, securityCounter: 3));

        Assert.Equal(Outcome.Pass, results["CMP2032"].Outcome);
        Assert.Equal(Outcome.Fail, results["CMP2035"].Outcome);
        Assert.Equal(Outcome.NotApplicable, withoutKeys["CMP2035"].Outcome);
        Assert.Contains("--public-key", withoutKeys["CMP2035"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_with_only_a_digest_fails_the_signature_rule_and_the_counter_rule()
    {
        var results = await AuditAsync(McubootImageBuilder.Build(Body, signer: null));

        Assert.Equal(Outcome.Fail, results["CMP2032"].Outcome);
        Assert.Contains("only a SHA-256 protects it", results["CMP2032"].Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.NotApplicable, results["CMP2033"].Outcome);
        Assert.Equal(Outcome.Fail, results["CMP2034"].Outcome);
        Assert.Equal(Outcome.Pass, results["CMP2036"].Outcome);
    }

    [Fact]
    public async Task A_truncated_image_is_inconclusive_and_a_file_that_is_no_image_is_not_applicable()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var truncated = McubootImageBuilder.Build(Body, key)[..(2048 + 512 + 40)];

        var broken = await AuditAsync(truncated);
        var other = await AuditAsync([.. "not an image at all"u8, .. Body]);

        Assert.All(broken.Values, r => Assert.Equal(Outcome.Inconclusive, r.Outcome));
        Assert.All(other.Values, r => Assert.Equal(Outcome.NotApplicable, r.Outcome));
    }

    [SharedFact("corpus/smpclient/tests/fixtures/zephyr-v3.5.0-2795-g28ff83515d/hello_world.signed.bin")]
    public async Task Zephyr_s_hello_world_is_signed_with_mcuboot_s_sample_key_and_has_no_counter()
    {
        var image = File.ReadAllBytes(Path.Combine(RepositoryPaths.Shared, "corpus", "smpclient", "tests", "fixtures", "zephyr-v3.5.0-2795-g28ff83515d", "hello_world.signed.bin"));

        var results = await AuditAsync(image);

        Assert.Equal(Outcome.Pass, results["CMP2032"].Outcome);
        Assert.Equal(Outcome.Fail, results["CMP2033"].Outcome);
        Assert.Contains("root-rsa-2048.pem", results["CMP2033"].Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, results["CMP2034"].Outcome);
    }
}

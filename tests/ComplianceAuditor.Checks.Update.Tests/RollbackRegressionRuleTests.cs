using System.Security.Cryptography;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Tests.Update;

namespace ComplianceAuditor.Checks.Update.Tests;

/// <summary>CMP2037: two releases of the same image, compared by their anti-rollback counters (--previous).</summary>
public sealed class RollbackRegressionRuleTests
{
    private static readonly byte[] Body = [.. Enumerable.Range(0, 1024).Select(i => (byte)(i * 5))];

    private static async Task<CheckResult> CompareAsync(byte[] current, params byte[][] earlier)
    {
        using var root = new TempDirectory();
        var target = Inventory(root.Write("app-1.1.signed.bin", current));
        var previous = earlier.Select((image, i) => Inventory(root.Write($"app-1.0-{i}.signed.bin", image))).ToArray();
        var rules = RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules.Where(r => r.Id == "CMP2037").ToArray();
        var results = await new AuditEngine(new CheckRegistry(UpdateChecks.All()), new EngineOptions()).RunAsync([target], rules, null, CancellationToken.None, previous);
        return Assert.Single(results);
    }

    private static TargetInventory Inventory(string path) =>
        InventoryBuilder.Build(TargetResolver.Resolve([path], null)[0], new InventoryOptions(), CancellationToken.None);

    [Fact]
    public async Task A_counter_raised_since_the_earlier_release_passes_and_names_both_values()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await CompareAsync(McubootImageBuilder.Build(Body, key, securityCounter: 3), McubootImageBuilder.Build(Body, key, securityCounter: 2));

        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.StartsWith("security counter (SEC_CNT) 3 > 2 in ", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2u, 2u, "a device that accepts this release accepts the earlier one too")]
    [InlineData(1u, 2u, "went down from 2 ")]
    public async Task A_counter_that_did_not_grow_fails(uint now, uint before, string expected)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await CompareAsync(McubootImageBuilder.Build(Body, key, securityCounter: now), McubootImageBuilder.Build(Body, key, securityCounter: before));

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Evidence.Count);
    }

    [Fact]
    public async Task Without_an_earlier_release_or_a_counter_there_is_nothing_to_compare()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var alone = await CompareAsync(McubootImageBuilder.Build(Body, key, securityCounter: 3));
        var noCounter = await CompareAsync(McubootImageBuilder.Build(Body, key), McubootImageBuilder.Build(Body, key, securityCounter: 2));
        var unpaired = await CompareAsync(McubootImageBuilder.Build(Body, key, securityCounter: 3), McubootImageBuilder.Build(Body, key));

        Assert.Equal(Outcome.NotApplicable, alone.Outcome);
        Assert.Contains("--previous", alone.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.NotApplicable, noCounter.Outcome);
        Assert.Equal(Outcome.NotApplicable, unpaired.Outcome);
    }

    [Fact]
    public async Task The_same_image_shipped_again_has_nothing_to_roll_back_to()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var image = McubootImageBuilder.Build(Body, key, securityCounter: 2);

        var result = await CompareAsync(image, image);

        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("byte for byte the same", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_two_images_of_a_format_here_and_one_there_nothing_is_paired_by_format_alone()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = new TempDirectory();
        root.Write("release/app.signed.bin", McubootImageBuilder.Build(Body, key, securityCounter: 1));
        root.Write("release/net.signed.bin", McubootImageBuilder.Build([.. Body, 1], key, securityCounter: 1));
        var target = Inventory(Path.Combine(root.Path, "release"));
        var previous = Inventory(root.Write("old-app.signed.bin", McubootImageBuilder.Build([.. Body, 2], key, securityCounter: 5)));
        var rules = RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules.Where(r => r.Id == "CMP2037").ToArray();

        var results = await new AuditEngine(new CheckRegistry(UpdateChecks.All()), new EngineOptions()).RunAsync([target], rules, null, CancellationToken.None, [previous]);

        // Which of app and net the old image was is unknown, so neither is judged against it.
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(Outcome.NotApplicable, r.Outcome));
    }
}

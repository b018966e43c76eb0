using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Secrets.Tests;

/// <summary>Runs shipped rules over a folder as a root file system target, with the secret and content checks.</summary>
internal static class SecretsAudit
{
    public static readonly string KeyFixtures = Path.Combine(RepositoryPaths.Root, "tests", "ComplianceAuditor.KeyMaterial.Tests", "Fixtures");

    private static readonly IReadOnlyList<RuleDefinition> Rules = RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules;

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(string root, EngineOptions options, params string[] ruleIds)
    {
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([root], TargetKind.Rootfs)[0], new InventoryOptions(), CancellationToken.None);
        var rules = Rules.Where(r => ruleIds.Contains(r.Id)).ToArray();
        Assert.Equal(ruleIds.Length, rules.Length);
        var registry = new CheckRegistry([.. ContentChecks.All(), .. SecretChecks.All()]);
        return await new AuditEngine(registry, options).RunAsync([inventory], rules, null, CancellationToken.None);
    }

    /// <summary>Several targets audited together, and images given for comparison only.</summary>
    public static async Task<IReadOnlyList<CheckResult>> RunManyAsync(string[] roots, string[] comparisons, params string[] ruleIds)
    {
        var resolved = TargetResolver.Resolve([.. roots, .. comparisons], TargetKind.Rootfs);
        var inventories = resolved.Select(t => InventoryBuilder.Build(t, new InventoryOptions(), CancellationToken.None)).ToArray();
        var rules = Rules.Where(r => ruleIds.Contains(r.Id)).ToArray();
        var registry = new CheckRegistry([.. ContentChecks.All(), .. SecretChecks.All()]);
        return await new AuditEngine(registry, new EngineOptions())
            .RunAsync(inventories[..roots.Length], rules, null, CancellationToken.None, inventories[roots.Length..]);
    }

    public static Task<IReadOnlyList<CheckResult>> RunAsync(string root, params string[] ruleIds) =>
        RunAsync(root, new EngineOptions(), ruleIds);

    /// <summary>The result of a rule on the file at <paramref name="relativePath"/>.</summary>
    public static CheckResult On(this IReadOnlyList<CheckResult> results, string ruleId, string relativePath) =>
        results.Single(r => r.RuleId == ruleId && r.Artifact.EndsWith("/" + relativePath, StringComparison.Ordinal));
}

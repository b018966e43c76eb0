using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Build.Tests.Support;

/// <summary>
/// Runs built-in rules through the real engine, the way the CLI does: a repository folder (a temporary folder with a
/// <c>.git</c> inside) resolved as a target, its inventory built, and the build checks registered. The rule set is
/// the embedded one, so these tests see exactly the YAML the product ships.
/// </summary>
internal static class RuleAudit
{
    private static readonly Lazy<IReadOnlyList<RuleDefinition>> BuiltIn = new(() => RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules);

    /// <summary>The shipped rule with this id.</summary>
    public static RuleDefinition Rule(string id) => Assert.Single(BuiltIn.Value, r => r.Id == id);

    /// <summary>Every result of the named rules on the target at <paramref name="path"/>.</summary>
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(string path, IReadOnlyCollection<string> ruleIds, InventoryOptions? inventoryOptions = null)
    {
        return await RunAsync(Inventory(path, inventoryOptions), ruleIds);
    }

    /// <summary>The inventory of the target at <paramref name="path"/>, containers unpacked, as the CLI builds it.</summary>
    public static TargetInventory Inventory(string path, InventoryOptions? inventoryOptions = null) =>
        InventoryBuilder.Build(TargetResolver.Resolve([path], null)[0], inventoryOptions ?? new InventoryOptions(), CancellationToken.None);

    /// <summary>Every result of the named rules on an inventory already built.</summary>
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(TargetInventory inventory, IReadOnlyCollection<string> ruleIds)
    {
        var rules = BuiltIn.Value.Where(r => ruleIds.Contains(r.Id, StringComparer.Ordinal)).ToArray();
        Assert.Equal(ruleIds.Count, rules.Length);
        var engine = new AuditEngine(new CheckRegistry(BuildChecks.All()), new EngineOptions());
        return await engine.RunAsync([inventory], rules, null, CancellationToken.None);
    }

    /// <summary>The results of the named rules on a repository holding <paramref name="files"/> (relative path, text).</summary>
    public static Task<IReadOnlyList<CheckResult>> RepoAsync(IReadOnlyCollection<string> ruleIds, params (string Path, string Text)[] files) =>
        RepoAsync(ruleIds, files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text))).ToArray());

    /// <summary>As above, with file contents as bytes.</summary>
    public static async Task<IReadOnlyList<CheckResult>> RepoAsync(IReadOnlyCollection<string> ruleIds, (string Path, byte[] Bytes)[] files)
    {
        using var repo = NewRepo();
        foreach (var (path, bytes) in files)
        {
            repo.Write(path, bytes);
        }

        return await RunAsync(repo.Path, ruleIds);
    }

    /// <summary>An empty temporary folder that target resolution takes for a repository.</summary>
    public static TempDirectory NewRepo()
    {
        var repo = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        return repo;
    }

    /// <summary>The result of an artifact-scoped rule on the file whose path ends with <paramref name="suffix"/>.</summary>
    public static CheckResult On(IReadOnlyList<CheckResult> results, string ruleId, string suffix) =>
        Assert.Single(results, r => r.RuleId == ruleId && r.Artifact.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>The one result of a rule (a target-scoped rule, or an artifact rule on a one-file repository).</summary>
    public static CheckResult Only(IReadOnlyList<CheckResult> results, string ruleId) => Assert.Single(results, r => r.RuleId == ruleId);
}

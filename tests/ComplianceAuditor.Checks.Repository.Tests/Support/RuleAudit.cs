using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Rules.Loading;

namespace ComplianceAuditor.Checks.Repository.Tests.Support;

/// <summary>
/// Runs built-in rules through the real engine, the way the CLI does: the target resolved from its folder (a folder with
/// a .git inside is a repository), its inventory built, and this family's checks registered with the content checks
/// (CMP3001 is a file-present rule). The rule set is the
/// embedded one, so these tests see exactly the YAML the product ships.
/// </summary>
internal static class RuleAudit
{
    /// <summary>The audit's reference time in every test: expiry and support end dates are judged at it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyList<RuleDefinition>> BuiltIn = new(() => RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules);

    /// <summary>Every result of the named rules on the target at <paramref name="path"/>.</summary>
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(string path, IReadOnlyCollection<string> ruleIds, InventoryOptions? options = null)
    {
        var rules = BuiltIn.Value.Where(r => ruleIds.Contains(r.Id, StringComparer.Ordinal)).ToArray();
        Assert.Equal(ruleIds.Count, rules.Length);
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([path], null)[0], options ?? new InventoryOptions(), CancellationToken.None);
        var engine = new AuditEngine(new CheckRegistry([.. RepositoryChecks.All(), .. ContentChecks.All()]), new EngineOptions { ReferenceTime = Now });
        return await engine.RunAsync([inventory], rules, null, CancellationToken.None);
    }

    /// <summary>The one result of a target-scope rule.</summary>
    public static CheckResult Only(IReadOnlyList<CheckResult> results, string ruleId) => Assert.Single(results, r => r.RuleId == ruleId);
}

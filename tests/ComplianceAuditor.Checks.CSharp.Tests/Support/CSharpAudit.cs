using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Rules.Loading;

namespace ComplianceAuditor.Checks.CSharp.Tests.Support;

/// <summary>
/// Runs the shipped C# rules (rules/csharp/, embedded) through the real engine over a folder audited as a repository,
/// the way the CLI does with <c>--as repo</c>.
/// </summary>
internal static class CSharpAudit
{
    private static readonly Lazy<IReadOnlyList<RuleDefinition>> BuiltIn = new(() => RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules);

    public static IReadOnlyList<RuleDefinition> Rules => BuiltIn.Value.Where(r => r.Check.Kind == "csharp-analyzer").ToArray();

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(string path, EngineOptions? options = null, params string[] ruleIds)
    {
        var rules = ruleIds.Length == 0 ? Rules : Rules.Where(r => ruleIds.Contains(r.Id, StringComparer.Ordinal)).ToArray();
        Assert.NotEmpty(rules);
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([path], TargetKind.Repo)[0], new InventoryOptions(), CancellationToken.None);
        var engine = new AuditEngine(new CheckRegistry(CSharpChecks.All()), options ?? new EngineOptions());
        return await engine.RunAsync([inventory], rules, null, CancellationToken.None);
    }

    /// <summary>The result of one rule on one file, by its path inside the target.</summary>
    public static CheckResult On(IReadOnlyList<CheckResult> results, string ruleId, string relativePath) =>
        Assert.Single(results, r => r.RuleId == ruleId && r.Artifact.EndsWith("/" + relativePath, StringComparison.Ordinal));
}

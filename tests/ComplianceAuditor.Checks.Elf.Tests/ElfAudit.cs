using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Checks.Elf.Tests;

/// <summary>Runs the shipped ELF rules (rules/elf) over one fixture file, as a one-file firmware target.</summary>
internal static class ElfAudit
{
    public static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "elf");

    private static readonly IReadOnlyList<RuleDefinition> Rules =
        RuleSetLoader.Load(Array.Empty<string>()).RuleSet!.Rules.Where(r => r.Id.StartsWith("CMP1", StringComparison.Ordinal)).ToArray();

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(string path, params string[] ruleIds)
    {
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([path], null)[0], new InventoryOptions(), CancellationToken.None);
        return await RunAsync(inventory, ruleIds);
    }

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(TargetInventory inventory, params string[] ruleIds)
    {
        var rules = ruleIds.Length == 0 ? Rules : Rules.Where(r => ruleIds.Contains(r.Id)).ToArray();
        return await new AuditEngine(new CheckRegistry(ElfChecks.All()), new EngineOptions()).RunAsync([inventory], rules, null, CancellationToken.None);
    }
}

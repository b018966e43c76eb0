using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Inventory;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>Runs rules over a folder or file the way the CLI does.</summary>
internal static class Audits
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(string path, EngineOptions? options = null, TargetKind? kind = null, params RuleDefinition[] rules)
    {
        var targets = TargetResolver.Resolve([path], kind);
        var inventories = targets.Select(t => InventoryBuilder.Build(t, new InventoryOptions(), CancellationToken.None)).ToArray();
        var engine = new AuditEngine(new CheckRegistry(ContentChecks.All()), options ?? new EngineOptions());
        return await engine.RunAsync(inventories, rules, progress: null, CancellationToken.None);
    }
}

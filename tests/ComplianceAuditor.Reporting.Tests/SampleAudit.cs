using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Checks.Elf;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Scoring;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>Runs the built-in rules over a folder and builds the report, as the CLI does, at a fixed time.</summary>
internal static class SampleAudit
{
    public static readonly DateTimeOffset FixedTime = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

    public static async Task<AuditReport> RunAsync(params string[] targets)
    {
        var ruleSet = RuleSetLoader.Load(Array.Empty<string>()).RuleSet!;
        var inventories = TargetResolver.Resolve(targets, null)
            .Select(t => InventoryBuilder.Build(t, new InventoryOptions(), CancellationToken.None)).ToArray();
        var results = await new AuditEngine(new CheckRegistry([.. ContentChecks.All(), .. ElfChecks.All(), .. Checks.Secrets.SecretChecks.All(), .. Checks.Update.UpdateChecks.All(), .. Checks.Repository.RepositoryChecks.All(), .. Checks.Build.BuildChecks.All(), .. Checks.CSharp.CSharpChecks.All()]), new EngineOptions { ReferenceTime = FixedTime })
            .RunAsync(inventories, ruleSet.Rules, null, CancellationToken.None);
        var context = new ScoringContext(inventories.Select(i => i.Target.Kind).Distinct().ToArray(), false, ruleSet.Catalog);
        var evaluator = new SchemeEvaluator(ruleSet.Schemes, results, context);
        return ReportBuilder.Build(new ReportInput
        {
            ToolName = "ComplianceAuditor",
            ToolVersion = "0.0.0-test",
            GeneratedAt = FixedTime,
            RuleSet = ruleSet,
            Inventories = inventories,
            Results = results,
            Schemes = ruleSet.Schemes.Select(evaluator.Evaluate).ToArray(),
        });
    }

    public static async Task<string> RenderAsync(IReportWriter writer, AuditReport report)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(report, stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

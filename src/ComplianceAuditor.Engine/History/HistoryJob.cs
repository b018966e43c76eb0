using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Engine.History;

/// <summary>Everything the history phase of one target needs from the engine's run.</summary>
internal sealed record HistoryJob(
    TargetInventory Inventory,
    IHistorySource Source,
    IReadOnlyList<TargetInventory> Peers,
    IReadOnlyList<RuleDefinition> Rules,
    AuditEngine.Prepared[] Prepared,
    IReadOnlyList<int> HistoryRules,
    WorkingTreeKeys Tree,
    TargetWork Work);

using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;

namespace ComplianceAuditor.Engine;

/// <summary>One (rule, artifact) pair to evaluate, or a result already decided while planning.</summary>
internal sealed record WorkItem(RuleDefinition Rule, TargetInventory Inventory, Artifact Artifact, IPreparedCheck? Check, CheckOutcome? Decided);

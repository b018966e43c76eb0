using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Engine;

/// <summary>What a check gets to look at: one artifact (the target root for target checks) and its whole target.</summary>
public sealed record CheckContext(TargetInventory Inventory, Artifact Artifact, EngineOptions Options)
{
    /// <summary>Work shared with the other rules evaluated on the same artifact.</summary>
    public ArtifactScratch Scratch { get; init; } = new();
}

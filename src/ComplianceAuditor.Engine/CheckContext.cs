using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Engine;

/// <summary>What a check gets to look at: one artifact (the target root for target checks) and its whole target.</summary>
public sealed record CheckContext(TargetInventory Inventory, Artifact Artifact, EngineOptions Options)
{
    /// <summary>
    /// The other targets of the audit, and any given only for comparison (an earlier release): what checks that
    /// compare images (the same secret in two of them) compare against. Empty when one image is audited alone.
    /// </summary>
    public IReadOnlyList<TargetInventory> Peers { get; init; } = [];

    /// <summary>Work shared with the other rules evaluated on the same artifact.</summary>
    public ArtifactScratch Scratch { get; init; } = new();

    /// <summary>Work shared by every rule and artifact of the target (see <see cref="IPreparesTarget"/>).</summary>
    public TargetWork Target
    {
        // The engine gives every pair its target's work; a context made elsewhere (a test) gets its own when it asks,
        // rather than one made for every pair and thrown away.
        get => _target ??= new TargetWork();
        init => _target = value;
    }

    private TargetWork? _target;
}

namespace ComplianceAuditor.Core.Model;

/// <summary>A target and every artifact found in it, the target's own root artifact first.</summary>
public sealed record TargetInventory(AuditTarget Target, IReadOnlyList<Artifact> Artifacts)
{
    public Artifact Root => Artifacts[0];

    /// <summary>Things the inventory could not do (limits hit, unreadable folders), for the report's method section.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

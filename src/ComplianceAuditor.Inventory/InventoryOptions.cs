namespace ComplianceAuditor.Inventory;

/// <summary>Bounds on a directory walk, so a hostile or huge tree cannot exhaust the audit.</summary>
public sealed record InventoryOptions
{
    public int MaxFiles { get; init; } = 200_000;

    public int MaxDepth { get; init; } = 64;
}

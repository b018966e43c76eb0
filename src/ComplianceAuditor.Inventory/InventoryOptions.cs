using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Inventory;

/// <summary>Bounds on a directory walk, so a hostile or huge tree cannot exhaust the audit, and how containers are opened.</summary>
public sealed record InventoryOptions
{
    public int MaxFiles { get; init; } = 200_000;

    public int MaxDepth { get; init; } = 64;

    /// <summary>The container formats to recognise and open; null leaves every file as it is (no unpacking).</summary>
    public FormatRegistry? Formats { get; init; }

    public UnpackLimits UnpackLimits { get; init; } = new();

    /// <summary>Where extracted content is written; required when <see cref="Formats"/> is set.</summary>
    public IExtractionSink? Sink { get; init; }

    /// <summary>
    /// Where artifacts are kept, packed; it must outlive the inventories built with it. Null keeps them in memory,
    /// which suits a few thousand files; a store that spills to disk keeps memory flat on any tree.
    /// </summary>
    public BlockStore? Records { get; init; }
}

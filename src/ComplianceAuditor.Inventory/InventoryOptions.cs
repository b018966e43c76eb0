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
}

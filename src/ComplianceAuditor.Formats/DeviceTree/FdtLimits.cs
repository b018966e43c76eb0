namespace ComplianceAuditor.Formats.DeviceTree;

/// <summary>Bounds on what one device tree may make the parser do; the defaults are far above any real tree.</summary>
public sealed record FdtLimits
{
    /// <summary>Nesting of nodes below the root.</summary>
    public int MaxDepth { get; init; } = 64;

    public int MaxNodes { get; init; } = 100_000;

    public int MaxProperties { get; init; } = 1_000_000;

    public int MaxReservations { get; init; } = 4096;

    /// <summary>The strings block is held in memory, so it is bounded.</summary>
    public int MaxStringsBlockBytes { get; init; } = 16 << 20;

    /// <summary>
    /// Property values up to this size are read into memory while parsing; larger ones (a FIT's embedded kernel)
    /// are only located, and the caller reads them from the source by offset.
    /// </summary>
    public int MaxLoadedValueBytes { get; init; } = 64 * 1024;

    /// <summary>All loaded values together; values met after this is spent stay unloaded.</summary>
    public long MaxLoadedBytes { get; init; } = 64L << 20;
}

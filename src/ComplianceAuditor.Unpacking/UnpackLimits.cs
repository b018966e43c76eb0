namespace ComplianceAuditor.Unpacking;

/// <summary>
/// Bounds on unpacking, because firmware is hostile: every limit has a default sized for real devices and a CLI flag,
/// and hitting one is recorded (which limit, where) and makes the inventory incomplete rather than failing the audit.
/// </summary>
public sealed record UnpackLimits
{
    /// <summary>Bytes written for one audit target, all containers together.</summary>
    public long MaxTotalBytes { get; init; } = 8L << 30;

    /// <summary>Bytes of one extracted file.</summary>
    public long MaxFileBytes { get; init; } = 2L << 30;

    /// <summary>Entries extracted for one audit target.</summary>
    public int MaxFiles { get; init; } = 200_000;

    /// <summary>Containers inside containers: the target is level 0, the image inside it level 1, and so on.</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>
    /// Bytes extracted from one container divided by its own size. Checked once a container has produced more than
    /// <see cref="RatioFloorBytes"/>, so small, highly compressible files do not trip it.
    /// </summary>
    public double MaxRatio { get; init; } = 250;

    /// <summary>Extraction below this many bytes per container is never called a bomb.</summary>
    public long RatioFloorBytes { get; init; } = 64L << 20;

    /// <summary>Images carved out of one blob.</summary>
    public int MaxCarvedPerBlob { get; init; } = 256;

    /// <summary>Candidate headers validated while searching one blob for embedded images (magic numbers are cheap to fake).</summary>
    public int MaxCarveChecks { get; init; } = Carver.DefaultMaxChecks;

    /// <summary>Wall time an external extractor may run for one image.</summary>
    public TimeSpan ExternalTimeout { get; init; } = TimeSpan.FromMinutes(5);
}

namespace ComplianceAuditor.Elf.Evidence;

/// <summary>How strings are extracted: shortest run kept, encodings, and bounds on output.</summary>
public sealed record StringOptions
{
    public int MinLength { get; init; } = 6;

    public bool Utf16 { get; init; } = true;

    /// <summary>Longer runs are cut (the offset still points at their start).</summary>
    public int MaxLength { get; init; } = 1024;

    /// <summary>Extraction stops after this many strings.</summary>
    public int MaxCount { get; init; } = 1_000_000;
}

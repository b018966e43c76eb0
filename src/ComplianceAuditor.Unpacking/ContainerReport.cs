namespace ComplianceAuditor.Unpacking;

/// <summary>What happened to one recognised container, for the artifact list of the report.</summary>
public sealed record ContainerReport
{
    public required string Format { get; init; }

    /// <summary><c>native</c> or the external program that read it.</summary>
    public required string Extractor { get; init; }

    public required string Description { get; init; }

    public required ContainerStatus Status { get; init; }

    /// <summary>Entries read (files, directories, links, devices).</summary>
    public int Entries { get; init; }

    public long BytesExtracted { get; init; }

    /// <summary>Why it is partial, failed, unavailable or too deep; null when opened.</summary>
    public string? Reason { get; init; }
}

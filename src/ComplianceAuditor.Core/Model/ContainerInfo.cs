namespace ComplianceAuditor.Core.Model;

/// <summary>An artifact recognised as a container (an image, archive or file system) and what opening it gave.</summary>
public sealed record ContainerInfo
{
    /// <summary>The format name: <c>squashfs</c>, <c>cpio</c>, <c>uimage</c>...</summary>
    public required string Format { get; init; }

    /// <summary>What read it: <c>native</c>, or the external program and its version.</summary>
    public required string Extractor { get; init; }

    /// <summary>The reader's one-line description of the header ("squashfs 4.0, xz, 812 inodes").</summary>
    public required string Description { get; init; }

    /// <summary><c>opened</c>, <c>partial</c>, <c>failed</c>, <c>unavailable</c> or <c>too-deep</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Entries read from it.</summary>
    public int Entries { get; init; }

    /// <summary>Why it was not fully opened, and what would open it; null when it was.</summary>
    public string? Reason { get; init; }
}

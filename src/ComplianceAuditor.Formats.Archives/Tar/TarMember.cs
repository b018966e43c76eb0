using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Archives.Tar;

/// <summary>One entry of a tar archive with its metadata headers (GNU long names, pax records) already applied.</summary>
internal sealed record TarMember
{
    public required long HeaderOffset { get; init; }

    public required string Path { get; init; }

    public required EntryType Type { get; init; }

    /// <summary>Logical size: for a sparse file the size with its holes, not what is stored.</summary>
    public required long Size { get; init; }

    public string? LinkTarget { get; init; }

    public required int Mode { get; init; }

    public required long Uid { get; init; }

    public required long Gid { get; init; }

    public (long Major, long Minor)? Device { get; init; }

    /// <summary>Where the stored content starts (for a sparse file, after its map).</summary>
    public required long DataOffset { get; init; }

    /// <summary>The data runs of a sparse file; null for ordinary contiguous content.</summary>
    public IReadOnlyList<SparseSegment>? Sparse { get; init; }

    public string? Description { get; init; }
}

/// <summary>Where a walk found the end-of-archive marker, if it did.</summary>
internal sealed class TarEnd
{
    /// <summary>The offset just past the two zero blocks that end the archive.</summary>
    public long? Offset { get; set; }
}

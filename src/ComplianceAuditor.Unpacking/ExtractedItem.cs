namespace ComplianceAuditor.Unpacking;

/// <summary>One entry of a container after the driver checked its path and wrote its content.</summary>
/// <param name="Entry">The entry as the reader reported it.</param>
/// <param name="Path">The normalised path inside the container.</param>
/// <param name="LocalPath">Where the content was written, for files whose content was extracted.</param>
/// <param name="Problem">Why the content is missing (a read error, a limit), for files that have none.</param>
public sealed record ExtractedItem(UnpackedEntry Entry, string Path, string? LocalPath, string? Problem)
{
    /// <summary>What was written, measured while it was written (so the file is never read again to learn it).</summary>
    public ExtractedContent? Content { get; init; }
}

/// <summary>The written content's size, SHA-256 (lower-case hex) and kind as sniffed from its first bytes.</summary>
public sealed record ExtractedContent(long Size, string Sha256, Core.Model.ArtifactKind Kind);

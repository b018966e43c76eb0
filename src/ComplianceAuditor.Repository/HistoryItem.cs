namespace ComplianceAuditor.Repository;

/// <summary>
/// One piece of content the history added: either the added lines of a text file in one commit, or a blob seen for the
/// first time. The commit fields say where it was first introduced: commits are walked oldest first in a fixed order,
/// so the same history names the same commit on every run, and a new commit elsewhere does not change it.
/// </summary>
public sealed class HistoryItem
{
    private readonly Func<Stream>? openContent;

    internal HistoryItem(HistoryItemKind kind, CommitInfo commit, string path, string blobId, long size,
        IReadOnlyList<AddedLine> lines, Func<Stream>? openContent, bool isText)
    {
        Kind = kind;
        IsText = isText;
        CommitId = commit.Id;
        AuthorName = commit.AuthorName;
        AuthorEmail = commit.AuthorEmail;
        AuthorDate = commit.AuthorDate;
        Path = path;
        BlobId = blobId;
        Size = size;
        Lines = lines;
        this.openContent = openContent;
    }

    public HistoryItemKind Kind { get; }

    /// <summary>
    /// True when git reads the blob as text: its lines are also reported as <see cref="HistoryItemKind.AddedLines"/>
    /// items, so a caller reading lines can pass over the new-blob item of a text file.
    /// </summary>
    public bool IsText { get; }

    /// <summary>The full hex id of the commit that introduced the content.</summary>
    public string CommitId { get; }

    public string AuthorName { get; }

    public string AuthorEmail { get; }

    /// <summary>The author date in UTC.</summary>
    public DateTimeOffset AuthorDate { get; }

    /// <summary>The author date as ISO 8601 UTC text, e.g. <c>2024-01-02T03:04:05Z</c>.</summary>
    public string AuthorDateIso => CommitInfo.FormatIso(AuthorDate);

    /// <summary>The path inside the repository, with forward slashes.</summary>
    public string Path { get; }

    /// <summary>The full hex id of the blob the content belongs to.</summary>
    public string BlobId { get; }

    /// <summary>The blob size in bytes.</summary>
    public long Size { get; }

    /// <summary>For <see cref="HistoryItemKind.AddedLines"/>: the added lines in ascending line order; otherwise empty.</summary>
    public IReadOnlyList<AddedLine> Lines { get; }

    /// <summary>
    /// For <see cref="HistoryItemKind.NewBlob"/>: opens the blob content (at most the scan's size limit), held in memory
    /// since it was read. Returns <see langword="null"/> for added-lines items.
    /// </summary>
    public Stream? OpenContent() => openContent?.Invoke();
}

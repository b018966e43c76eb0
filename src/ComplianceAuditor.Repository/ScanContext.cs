using LibGit2Sharp;
using GitRepository = LibGit2Sharp.Repository;

namespace ComplianceAuditor.Repository;

/// <summary>
/// The state one scan shares across commits: which blobs and (path, blob) pairs were already reported, the problems and
/// notes, and the counters. Memory grows with the number of distinct blobs, never with their content.
/// </summary>
internal sealed class ScanContext(GitRepository repo, HistoryScanOptions options, Action<HistoryItem> sink)
{
    private static readonly IReadOnlyList<AddedLine> NoLines = [];
    private readonly HashSet<ObjectId> seenBlobs = [];
    private readonly HashSet<ObjectId> skippedBlobs = [];
    private readonly HashSet<string> seenPathBlobs = new(StringComparer.Ordinal);
    private readonly List<string> problems = [];
    private readonly List<string> notes = [];
    private int itemCount;

    public GitRepository Repo { get; } = repo;

    public HistoryScanOptions Options { get; } = options;

    public int CommitCount { get; set; }

    public void Problem(string text) => problems.Add(text);

    public void Note(string text) => notes.Add(text);

    public HistoryScanResult Result() =>
        new(Options.Mode, CommitCount, seenBlobs.Count, itemCount, problems.ToList(), notes.ToList());

    /// <summary>
    /// Reads the blob a change or tree entry points at. Returns null (after recording why) when it is missing, corrupt or
    /// over the size limit, so the caller simply moves on.
    /// </summary>
    public Blob? ReadBlob(ObjectId id, string path, CommitInfo commit)
    {
        if (skippedBlobs.Contains(id))
        {
            return null;
        }

        try
        {
            var blob = Repo.Lookup<Blob>(id);
            if (blob is null)
            {
                Problem($"blob {id.Sha} ({path} in commit {commit.Id}) is missing from the object database");
                skippedBlobs.Add(id);
                return null;
            }

            if (blob.Size > Options.MaxBlobBytes)
            {
                Note($"blob {id.Sha} ({path} in commit {commit.Id}) is {blob.Size} bytes, over the {Options.MaxBlobBytes} byte limit; not read");
                skippedBlobs.Add(id);
                return null;
            }

            return blob;
        }
        catch (LibGit2SharpException ex)
        {
            Problem($"blob {id.Sha} ({path} in commit {commit.Id}) could not be read: {ex.Message}");
            skippedBlobs.Add(id);
            return null;
        }
    }

    /// <summary>Reports the blob as new the first time its id is seen. Returns whether its lines are still to be reported at this path.</summary>
    public bool Offer(Blob blob, string path, CommitInfo commit)
    {
        if (seenBlobs.Add(blob.Id))
        {
            Emit(new HistoryItem(HistoryItemKind.NewBlob, commit, path, blob.Sha, blob.Size, NoLines, () => blob.GetContentStream()));
        }

        // The same content at the same path (a merge, a cherry-pick, a revert of a revert) adds nothing new to read.
        return seenPathBlobs.Add(path + "\0" + blob.Sha);
    }

    public bool IsText(Blob blob, string path, CommitInfo commit)
    {
        try
        {
            return !blob.IsBinary;
        }
        catch (LibGit2SharpException ex)
        {
            Problem($"blob {blob.Sha} ({path} in commit {commit.Id}) could not be classified: {ex.Message}");
            return false;
        }
    }

    public void EmitLines(CommitInfo commit, string path, Blob blob, IReadOnlyList<AddedLine> lines)
    {
        if (lines.Count > 0)
        {
            Emit(new HistoryItem(HistoryItemKind.AddedLines, commit, path, blob.Sha, blob.Size, lines, null));
        }
    }

    private void Emit(HistoryItem item)
    {
        itemCount++;
        sink(item);
    }
}

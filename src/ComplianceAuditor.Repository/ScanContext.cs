using LibGit2Sharp;
using GitRepository = LibGit2Sharp.Repository;

namespace ComplianceAuditor.Repository;

/// <summary>
/// The state one scan shares across commits: which blobs and (path, blob) pairs were already reported, the problems and
/// notes, and the counters. Memory grows with the number of distinct blobs, never with their content.
/// </summary>
internal sealed class ScanContext(GitRepository repo, HistoryScanOptions options, Action<HistoryItem> sink) : IDisposable
{
    private static readonly IReadOnlyList<AddedLine> NoLines = [];
    private readonly HashSet<ObjectId> seenBlobs = [];
    private readonly HashSet<ObjectId> skippedBlobs = [];
    private readonly List<string> problems = [];
    private readonly List<string> notes = [];
    private readonly ItemPipeline pipeline = new(sink);

    public GitRepository Repo { get; } = repo;

    /// <summary>Objects read without libgit2 where that is safe (see <see cref="Objects.ObjectStore"/>).</summary>
    private readonly Objects.ObjectStore store = new(repo.Info.Path);

    private TreeListings? trees;

    /// <summary>Tree listings shared by the commits of the walk.</summary>
    public TreeListings Trees => trees ??= new(Repo, store, Problem);

    public void Dispose()
    {
        pipeline.Dispose();
        store.Dispose();
    }

    /// <summary>Waits until every item was handed to the caller; rethrows what the caller's callback threw.</summary>
    public void Finish() => pipeline.Finish();

    /// <summary>Between commits: stops the walk when the caller cancelled or its callback failed.</summary>
    public void ThrowIfStopped()
    {
        Cancellation.ThrowIfCancellationRequested();
        pipeline.ThrowIfFailed();
    }

    /// <summary>The caller's cancellation, checked between commits.</summary>
    public CancellationToken Cancellation { get; init; }

    public HistoryScanOptions Options { get; } = options;

    public int CommitCount { get; set; }

    /// <summary>Whether a path lies in the part of the tree being read (<see cref="HistoryScanOptions.PathPrefix"/>).</summary>
    public bool InScope(string path) =>
        Options.PathPrefix is not { Length: > 0 } prefix || path.StartsWith(prefix, StringComparison.Ordinal);

    public void Problem(string text) => problems.Add(text);

    public void Note(string text) => notes.Add(text);

    public HistoryScanResult Result() =>
        new(Options.Mode, CommitCount, seenBlobs.Count, pipeline.Count, problems.ToList(), notes.ToList());

    /// <summary>
    /// Reads the blob a change or tree entry points at, whole. Returns null (after recording why, once per blob) when it is
    /// missing, corrupt or over the size limit, so the caller simply moves on. <paramref name="previous"/> marks the old
    /// version of a modified file, read only to compare with: one over the limit is not worth a note of its own.
    /// </summary>
    public BlobContent? ReadContent(ObjectId id, string path, CommitInfo commit, bool previous = false)
    {
        if (skippedBlobs.Contains(id))
        {
            return null;
        }

        var raw = store.Read(id.RawId, Options.MaxBlobBytes);
        if (raw.Status == Objects.ReadStatus.Ok && raw.Kind == Objects.RawKind.Blob)
        {
            return new BlobContent(id, raw.Data);
        }

        if (raw.Status == Objects.ReadStatus.Refused)
        {
            Problem($"blob {id.Sha} ({path} in commit {commit.Id}) is stored as a delta chain built to cost far more than its size; not read");
            skippedBlobs.Add(id);
            return null;
        }

        if (raw.Status == Objects.ReadStatus.TooLarge)
        {
            if (!previous)
            {
                Note($"blob {id.Sha} ({path} in commit {commit.Id}) is {raw.Size} bytes, over the {Options.MaxBlobBytes} byte limit; not read");
            }

            skippedBlobs.Add(id);
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
                if (!previous)
                {
                    Note($"blob {id.Sha} ({path} in commit {commit.Id}) is {blob.Size} bytes, over the {Options.MaxBlobBytes} byte limit; not read");
                }

                skippedBlobs.Add(id);
                return null;
            }

            using var stream = blob.GetContentStream();
            var bytes = new byte[blob.Size];
            stream.ReadExactly(bytes);
            return new BlobContent(id, bytes);
        }
        catch (Exception ex) when (ex is LibGit2SharpException or IOException)
        {
            Problem($"blob {id.Sha} ({path} in commit {commit.Id}) could not be read: {ex.Message}");
            skippedBlobs.Add(id);
            return null;
        }
    }

    /// <summary>True when the blob was already reported (or skipped): nothing of it is left to read.</summary>
    public bool IsSeen(ObjectId id) => seenBlobs.Contains(id) || skippedBlobs.Contains(id);

    /// <summary>
    /// Reports the blob as new the first time its id is seen, with whether it is text. Returns whether it is new: a blob's
    /// lines are read once, at the first path it appears at, so a rename, a copy, a merge or a revert adds nothing new.
    /// </summary>
    public bool Offer(BlobContent content, string path, CommitInfo commit, bool isText)
    {
        if (!seenBlobs.Add(content.Id))
        {
            return false;
        }

        var bytes = content.Bytes;
        var item = new HistoryItem(HistoryItemKind.NewBlob, commit, path, content.Id.Sha, bytes.Length, NoLines, () => new MemoryStream(bytes, writable: false), isText);
        pipeline.Post(() => item, bytes.Length);
        return true;
    }

    /// <summary>
    /// Posts the lines <paramref name="content"/> adds to <paramref name="previous"/> (the file's version in the parent,
    /// or null), worked out on the pipeline's thread; nothing is handed over when it adds none.
    /// </summary>
    public void EmitAddedLines(CommitInfo commit, string path, BlobContent content, byte[]? previous)
    {
        var sha = content.Id.Sha;
        pipeline.Post(() =>
        {
            var lines = LineDiff.Added(previous, content.Bytes);
            return lines.Count == 0 ? null : new HistoryItem(HistoryItemKind.AddedLines, commit, path, sha, content.Bytes.Length, lines, null, isText: true);
        }, content.Bytes.Length + (previous?.Length ?? 0));
    }
}

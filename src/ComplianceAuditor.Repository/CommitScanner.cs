using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>
/// Reads what one commit adds against its first parent (the empty tree for a root commit). A merge is compared with its
/// first parent only, so content a side branch brought in is attributed to the side-branch commit that introduced it
/// (walked earlier) and the merge adds only its own resolution.
/// </summary>
internal static class CommitScanner
{
    /// <summary>Bounds how much text one line diff holds in memory at once.</summary>
    private const long PatchBatchBytes = 32L * 1024 * 1024;

    private static readonly CompareOptions TreeOptions = new() { Similarity = SimilarityOptions.None };

    private static readonly CompareOptions LineOptions = new()
    {
        ContextLines = 0,
        InterhunkLines = 0,
        Similarity = SimilarityOptions.None,
    };

    public static void Run(ScanContext context, Commit commit)
    {
        var info = CommitInfo.From(commit);
        Tree? parentTree;
        Tree tree;
        TreeChanges changes;
        try
        {
            tree = commit.Tree;
            parentTree = commit.Parents.FirstOrDefault()?.Tree;
            changes = context.Repo.Diff.Compare<TreeChanges>(parentTree, tree, TreeOptions);
        }
        catch (LibGit2SharpException ex)
        {
            context.Problem($"commit {info.Id} could not be compared with its parent: {ex.Message}");
            return;
        }

        var textFiles = new SortedDictionary<string, Blob>(StringComparer.Ordinal);
        foreach (var change in changes.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            if (!AddsContent(change))
            {
                continue;
            }

            var blob = context.ReadBlob(change.Oid, change.Path, info);
            if (blob is not null && context.Offer(blob, change.Path, info) && context.IsText(blob, change.Path, info))
            {
                textFiles[change.Path] = blob;
            }
        }

        var batch = new List<string>();
        long batchBytes = 0;
        foreach (var (path, blob) in textFiles)
        {
            batch.Add(path);
            batchBytes += blob.Size;
            if (batchBytes >= PatchBatchBytes)
            {
                EmitAddedLines(context, info, parentTree, tree, batch, textFiles);
                batch.Clear();
                batchBytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            EmitAddedLines(context, info, parentTree, tree, batch, textFiles);
        }
    }

    private static bool AddsContent(TreeEntryChanges change) =>
        change.Status is ChangeKind.Added or ChangeKind.Modified or ChangeKind.Renamed or ChangeKind.Copied or ChangeKind.TypeChanged
        && change.Mode is Mode.NonExecutableFile or Mode.ExecutableFile or Mode.NonExecutableGroupWritableFile or Mode.SymbolicLink;

    private static void EmitAddedLines(ScanContext context, CommitInfo info, Tree? parentTree, Tree tree, List<string> paths,
        SortedDictionary<string, Blob> blobs)
    {
        Patch patch;
        try
        {
            // Explicit paths are matched literally, so a file named "*.pem" cannot widen the diff to other files.
            patch = context.Repo.Diff.Compare<Patch>(parentTree, tree, paths, new ExplicitPathsOptions(), LineOptions);
        }
        catch (LibGit2SharpException ex)
        {
            context.Problem($"commit {info.Id}: line diff of {paths.Count} file(s) failed: {ex.Message}");
            return;
        }

        using (patch)
        {
            foreach (var entry in patch.OrderBy(e => e.Path, StringComparer.Ordinal))
            {
                if (!blobs.TryGetValue(entry.Path, out var blob) || entry.IsBinaryComparison)
                {
                    continue;
                }

                var lines = entry.AddedLines.Select(l => new AddedLine(l.LineNumber, LineSplitter.StripBreak(l.Content))).ToList();
                context.EmitLines(info, entry.Path, blob, lines);
            }
        }
    }
}

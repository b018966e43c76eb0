using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>
/// Reads what one commit adds against its first parent (the empty tree for a root commit). A merge is compared with its
/// first parent only, so content a side branch brought in is attributed to the side-branch commit that introduced it
/// (walked earlier) and the merge adds only its own resolution. Changed files are found by <see cref="TreeDiff"/> and
/// added lines by <see cref="LineDiff"/> from the two versions of each file: libgit2's diff and patch objects through
/// LibGit2Sharp took about four times as long on a 5,000-commit history.
/// </summary>
internal static class CommitScanner
{
    public static void Run(ScanContext context, Commit commit)
    {
        var info = CommitInfo.From(commit);
        List<TreeDiff.Change> changes;
        try
        {
            changes = TreeDiff.Changes(
                commit.Parents.FirstOrDefault() is { } parent ? Objects.GitId.From(parent.Tree.Id) : null, Objects.GitId.From(commit.Tree.Id), context.Trees, context.InScope,
                limit => context.Problem($"commit {info.Id}: {limit}"));
        }
        catch (LibGit2SharpException ex)
        {
            context.Problem($"commit {info.Id} could not be compared with its parent: {ex.Message}");
            return;
        }

        foreach (var change in changes)
        {
            // A blob met before was read then; a tree naming one blob at a million paths costs a lookup each, not a read.
            if (context.IsSeen(change.Id))
            {
                continue;
            }

            var content = context.ReadContent(change.Id, change.Path, info);
            if (content is null)
            {
                continue;
            }

            var text = !LineDiff.LooksBinary(content.Bytes);
            if (!context.Offer(content, change.Path, info, text) || !text)
            {
                continue;
            }

            context.EmitAddedLines(info, change.Path, content, OldText(context, change, info));
        }
    }

    /// <summary>The previous version of a changed text file, or null when there is none to compare with.</summary>
    private static byte[]? OldText(ScanContext context, TreeDiff.Change change, CommitInfo info)
    {
        if (change.OldId is not { } oldId)
        {
            return null;
        }

        // An old version that cannot be read (or is binary) leaves every line of the new one to be read as added.
        var old = context.ReadContent(oldId, change.Path, info, previous: true);
        return old is null || LineDiff.LooksBinary(old.Bytes) ? null : old.Bytes;
    }
}

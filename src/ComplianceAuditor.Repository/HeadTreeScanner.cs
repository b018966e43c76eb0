using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>Reads the files of HEAD's tree only: every file's lines, and each distinct blob once.</summary>
internal static class HeadTreeScanner
{
    /// <summary>Bounds the tree walk against a crafted tree that nests absurdly deep.</summary>
    private const int MaxDepth = 256;

    public static void Run(ScanContext context)
    {
        Commit? head;
        Tree? tree;
        try
        {
            head = context.Repo.Head.Tip;
            tree = head?.Tree;
        }
        catch (LibGit2SharpException ex)
        {
            context.Problem($"HEAD could not be read: {ex.Message}");
            return;
        }

        if (head is null || tree is null)
        {
            context.Note("HEAD has no commit; nothing to scan");
            return;
        }

        context.CommitCount = 1;
        var commit = CommitInfo.From(head);
        var pending = new Stack<(Tree Tree, string Prefix, int Depth)>();
        pending.Push((tree, string.Empty, 0));
        var visited = 0;
        while (pending.Count > 0)
        {
            if (visited > TreeDiff.MaxEntries)
            {
                // A crafted tree naming one subtree many times over expands to billions of paths.
                context.Problem($"the tree of HEAD names more than {TreeDiff.MaxEntries} entries; the rest was not read");
                return;
            }

            var (current, prefix, depth) = pending.Pop();
            var subtrees = new List<(Tree, string, int)>();
            try
            {
                foreach (var entry in current)
                {
                    visited++;
                    var path = prefix + entry.Name;
                    if (entry.TargetType == TreeEntryTargetType.Tree && entry.Target is Tree child)
                    {
                        if (depth + 1 < MaxDepth)
                        {
                            subtrees.Add((child, path + "/", depth + 1));
                        }
                        else
                        {
                            context.Problem($"tree {child.Sha} at {path} is nested deeper than {MaxDepth} levels; not read");
                        }
                    }
                    else if (entry.TargetType == TreeEntryTargetType.Blob && context.InScope(path))
                    {
                        ScanFile(context, commit, entry.Target.Id, path);
                    }
                }
            }
            catch (LibGit2SharpException ex)
            {
                context.Problem($"tree {current.Sha} ({prefix}) in commit {commit.Id} could not be read: {ex.Message}");
            }

            // Push in reverse so folders are visited in the tree's own (sorted) order.
            for (var i = subtrees.Count - 1; i >= 0; i--)
            {
                pending.Push(subtrees[i]);
            }
        }
    }

    private static void ScanFile(ScanContext context, CommitInfo commit, ObjectId id, string path)
    {
        var content = context.IsSeen(id) ? null : context.ReadContent(id, path, commit);
        if (content is null)
        {
            return;
        }

        var text = !LineDiff.LooksBinary(content.Bytes);
        if (context.Offer(content, path, commit, text) && text)
        {
            context.EmitAddedLines(commit, path, content, null);
        }
    }
}

using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>
/// The files one tree adds or changes against another, found by walking both and stepping only into folders whose ids
/// differ: a commit touches a few files, so a few folders are read. libgit2's diff through LibGit2Sharp cost more per
/// commit than git takes to print the patch.
/// </summary>
internal static class TreeDiff
{
    /// <summary>Bounds the walk against a crafted tree that nests absurdly deep.</summary>
    private const int MaxDepth = 256;

    /// <summary>A file whose content is new at <see cref="Path"/>: its blob, and the blob it replaced there, if any.</summary>
    public readonly record struct Change(string Path, ObjectId Id, Mode Mode, ObjectId? OldId);

    /// <summary>Every added or changed file of <paramref name="current"/>, in path order; deletions are not listed.</summary>
    public static List<Change> Changes(Tree? previous, Tree current, Func<string, bool> inScope, Action<string> tooDeep)
    {
        var changes = new List<Change>();
        Walk(previous, current, "", 0, changes, inScope, tooDeep);
        changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return changes;
    }

    private static void Walk(Tree? previous, Tree current, string prefix, int depth, List<Change> changes, Func<string, bool> inScope, Action<string> tooDeep)
    {
        if (depth >= MaxDepth)
        {
            tooDeep(prefix);
            return;
        }

        Dictionary<string, TreeEntry>? old = null;
        if (previous is not null)
        {
            old = new Dictionary<string, TreeEntry>(StringComparer.Ordinal);
            foreach (var entry in previous)
            {
                old[entry.Name] = entry;
            }
        }

        foreach (var entry in current)
        {
            var path = prefix + entry.Name;
            TreeEntry? before = null;
            old?.TryGetValue(entry.Name, out before);
            var id = entry.Target.Id;
            if (before is not null && before.Target.Id == id && before.Mode == entry.Mode)
            {
                continue;
            }

            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Tree:
                    Walk(before?.TargetType == TreeEntryTargetType.Tree ? (Tree)before.Target : null, (Tree)entry.Target, path + "/", depth + 1, changes, inScope, tooDeep);
                    break;
                case TreeEntryTargetType.Blob when inScope(path):
                    var oldId = before?.TargetType == TreeEntryTargetType.Blob && before.Mode != Mode.SymbolicLink && entry.Mode != Mode.SymbolicLink
                        ? before.Target.Id
                        : (ObjectId?)null;
                    changes.Add(new Change(path, id, entry.Mode, oldId));
                    break;
                default:
                    // Submodule links (commits of another repository) and blobs outside the folder audited.
                    break;
            }
        }
    }
}

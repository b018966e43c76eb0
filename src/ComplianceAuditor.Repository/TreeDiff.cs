using ComplianceAuditor.Repository.Objects;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>
/// The files one tree adds or changes against another, found by walking both and stepping only into folders whose ids
/// differ: a commit touches a few files, so a few folders are read. libgit2's diff through LibGit2Sharp cost more per
/// commit than git takes to print the patch. Listing a tree through LibGit2Sharp costs microseconds per entry, so the
/// listings are kept (<see cref="TreeListings"/>): a folder a commit changes is listed as new once and reused as the
/// old side by the next commit, which in the oldest-first walk is usually its child.
/// </summary>
internal static class TreeDiff
{
    /// <summary>Bounds the walk against a crafted tree that nests absurdly deep.</summary>
    private const int MaxDepth = 256;

    /// <summary>
    /// Bounds the entries one commit's walk visits: a crafted tree that names one subtree many times over (a "git bomb")
    /// expands to billions of paths from a few objects.
    /// </summary>
    internal const int MaxEntries = 1_000_000;

    /// <summary>A file whose content is new at <see cref="Path"/>: its blob, and the blob it replaced there, if any.</summary>
    public readonly record struct Change(string Path, ObjectId Id, Mode Mode, ObjectId? OldId);

    /// <summary>Every added or changed file of <paramref name="current"/>, in path order; deletions are not listed.</summary>
    public static List<Change> Changes(GitId? previous, GitId current, TreeListings listings, Func<string, bool> inScope, Action<string> limitReached)
    {
        var changes = new List<Change>();
        var walker = new Walker(listings, changes, inScope, limitReached);
        Walk(previous, current, "", 0, walker);
        if (walker.Visited > MaxEntries)
        {
            limitReached($"its trees name more than {MaxEntries} entries; the rest of the commit was not read");
        }

        changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return changes;
    }

    private static void Walk(GitId? previous, GitId current, string prefix, int depth, Walker walker)
    {
        if (depth >= MaxDepth)
        {
            walker.LimitReached($"folder '{prefix}' is nested deeper than {MaxDepth} levels; not read");
            return;
        }

        if (Merged(previous, current, walker) is { } differences)
        {
            foreach (var difference in differences)
            {
                if (++walker.Visited > MaxEntries)
                {
                    return;
                }

                Visit(difference.Entry, difference.Before, prefix + difference.Name, depth, walker);
            }

            return;
        }

        var old = previous is { } previousId ? walker.Listings.Of(previousId) : null;
        foreach (var entry in walker.Listings.Of(current).Values)
        {
            if (++walker.Visited > MaxEntries)
            {
                return;
            }

            TreeListings.Entry? before = null;
            if (old is not null && old.TryGetValue(entry.Name, out var found))
            {
                before = found;
            }

            if (before is { } same && same.Id == entry.Id && same.Mode == entry.Mode)
            {
                continue;
            }

            Visit(entry, before, prefix + entry.Name, depth, walker);
        }
    }

    /// <summary>
    /// The two trees' differences from their raw bytes, side by side, or null when either cannot be read raw or is
    /// malformed (they are then listed one by one, through libgit2 if need be).
    /// </summary>
    private static List<RawTreeMerge.Difference>? Merged(GitId? previous, GitId current, Walker walker)
    {
        var now = walker.Listings.RawOf(current);
        var before = previous is { } id ? walker.Listings.RawOf(id) : [];
        return now is null || before is null ? null : RawTreeMerge.Differences(now, before);
    }

    /// <summary>An entry that is new or changed: a folder is walked, a file in the part read is a change.</summary>
    private static void Visit(TreeListings.Entry entry, TreeListings.Entry? before, string path, int depth, Walker walker)
    {
        // git writes no such names; a crafted tree may hold them, and "a/b" or ".." would forge another path.
        if (entry.Name is "" or "." or ".." || entry.Name.Contains('/', StringComparison.Ordinal) || entry.Name.Contains('\0', StringComparison.Ordinal))
        {
            walker.LimitReached($"a tree entry is named '{entry.Name.Replace("\0", "\\0", StringComparison.Ordinal)}' (under '{path[..^entry.Name.Length]}'), which git does not allow; not read");
            return;
        }

        switch (entry.Type)
        {
            case TreeEntryTargetType.Tree:
                Walk(before is { Type: TreeEntryTargetType.Tree } b ? b.Id : (GitId?)null, entry.Id, path + "/", depth + 1, walker);
                break;
            case TreeEntryTargetType.Blob when walker.InScope(path):
                var oldId = before is { Type: TreeEntryTargetType.Blob } ob && ob.Mode != Mode.SymbolicLink && entry.Mode != Mode.SymbolicLink
                    ? ob.Id.ToObjectId()
                    : null;
                walker.Changes.Add(new Change(path, entry.Id.ToObjectId(), entry.Mode, oldId));
                break;
            default:
                // Submodule links (commits of another repository) and blobs outside the folder audited.
                break;
        }
    }

    private sealed record Walker(TreeListings Listings, List<Change> Changes, Func<string, bool> InScope, Action<string> LimitReached)
    {
        public int Visited { get; set; }
    }
}

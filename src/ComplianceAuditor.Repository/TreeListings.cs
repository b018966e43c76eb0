using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>
/// Trees already listed during one walk, by id. Bounded: past <see cref="MaxTrees"/> listings the oldest half is
/// dropped, so a history of any length keeps memory flat; a dropped tree is simply listed again if it comes back.
/// </summary>
internal sealed class TreeListings(LibGit2Sharp.Repository repository)
{
    private const int MaxTrees = 2_000;

    private readonly Dictionary<ObjectId, Dictionary<string, Entry>> _listed = [];
    private readonly Queue<ObjectId> _order = new();

    /// <summary>One entry of a tree: what a diff needs, without LibGit2Sharp objects.</summary>
    public readonly record struct Entry(string Name, ObjectId Id, Mode Mode, TreeEntryTargetType Type);

    /// <summary>The entries of <paramref name="tree"/> by name, in the tree's own order.</summary>
    public Dictionary<string, Entry> Of(Tree tree)
    {
        if (_listed.TryGetValue(tree.Id, out var known))
        {
            return known;
        }

        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var entry in tree)
        {
            entries[entry.Name] = new Entry(entry.Name, entry.Target.Id, entry.Mode, entry.TargetType);
        }

        if (_order.Count >= MaxTrees)
        {
            for (var i = 0; i < MaxTrees / 2; i++)
            {
                _listed.Remove(_order.Dequeue());
            }
        }

        _listed[tree.Id] = entries;
        _order.Enqueue(tree.Id);
        return entries;
    }

    /// <summary>The tree with this id (looked up lazily: listing it is what reads it).</summary>
    public Tree Tree(ObjectId id) =>
        repository.Lookup<Tree>(id) ?? throw new LibGit2SharpException($"tree {id.Sha} is missing from the object database");
}

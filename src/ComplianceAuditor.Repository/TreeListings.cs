using ComplianceAuditor.Repository.Objects;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>
/// Trees listed during one walk, by id: read as raw bytes by the <see cref="ObjectStore"/>, or through libgit2 when it
/// cannot. Bounded: past <see cref="MaxTrees"/> listings the oldest half is dropped, so a history of any length keeps
/// memory flat; a dropped tree is simply listed again if it comes back.
/// </summary>
internal sealed class TreeListings(LibGit2Sharp.Repository repository, ObjectStore store)
{
    private const int MaxTrees = 2_000;

    /// <summary>Trees larger than this are listed through libgit2.</summary>
    private const long MaxRawTreeBytes = 16L * 1024 * 1024;

    private readonly Dictionary<GitId, Dictionary<string, Entry>> _listed = [];
    private readonly Queue<GitId> _order = new();
    private readonly Dictionary<GitId, byte[]?> _raw = [];
    private readonly Queue<GitId> _rawOrder = new();

    /// <summary>One entry of a tree: what a diff needs, without LibGit2Sharp objects.</summary>
    public readonly record struct Entry(string Name, GitId Id, Mode Mode, TreeEntryTargetType Type);

    /// <summary>The entries of the tree <paramref name="id"/> by name, in the tree's own order.</summary>
    public Dictionary<string, Entry> Of(GitId id)
    {
        if (_listed.TryGetValue(id, out var known))
        {
            return known;
        }

        var entries = Raw(id) ?? ThroughLibgit2(id);
        if (_order.Count >= MaxTrees)
        {
            for (var i = 0; i < MaxTrees / 2; i++)
            {
                _listed.Remove(_order.Dequeue());
            }
        }

        _listed[id] = entries;
        _order.Enqueue(id);
        return entries;
    }

    /// <summary>The tree's bytes as stored, or null when the raw reader cannot give them (libgit2 lists it then).</summary>
    public byte[]? RawOf(GitId id)
    {
        if (_raw.TryGetValue(id, out var known))
        {
            return known;
        }

        Span<byte> bytes = stackalloc byte[20];
        id.WriteTo(bytes);
        var raw = store.Read(bytes, MaxRawTreeBytes);
        var data = raw.Status == ReadStatus.Ok && raw.Kind == RawKind.Tree ? raw.Data : null;
        if (_rawOrder.Count >= MaxTrees)
        {
            for (var i = 0; i < MaxTrees / 2; i++)
            {
                _raw.Remove(_rawOrder.Dequeue());
            }
        }

        _raw[id] = data;
        _rawOrder.Enqueue(id);
        return data;
    }

    private Dictionary<string, Entry>? Raw(GitId id)
    {
        if (RawOf(id) is not { } data)
        {
            return null;
        }

        try
        {
            // A name given twice (git refuses such trees; a crafted one may hold them) keeps its first entry.
            var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            foreach (var (name, entryId, mode, type) in RawTree.Parse(data))
            {
                entries.TryAdd(name, new Entry(name, entryId, mode, type));
            }

            return entries;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private Dictionary<string, Entry> ThroughLibgit2(GitId id)
    {
        var objectId = id.ToObjectId();
        var tree = repository.Lookup<Tree>(objectId) ?? throw new LibGit2SharpException($"tree {objectId.Sha} is missing from the object database");
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var entry in tree)
        {
            entries.TryAdd(entry.Name, new Entry(entry.Name, GitId.From(entry.Target.Id), entry.Mode, entry.TargetType));
        }

        return entries;
    }
}

using ComplianceAuditor.Repository.Objects;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository;

/// <summary>
/// Trees read during one walk, by id: their raw bytes from the <see cref="ObjectStore"/>, and, for a tree the
/// side-by-side comparison cannot take (unreadable raw, out of order, a name given twice), their entries by name,
/// through libgit2 when need be. Both caches are bounded by size: past the bound the older half is dropped, and a tree
/// that comes back is simply read again. A tree larger than <see cref="MaxRawTreeBytes"/>, or one whose delta chain
/// is refused, is a problem of the commit, not something to hand to libgit2 without a bound.
/// </summary>
internal sealed class TreeListings(LibGit2Sharp.Repository repository, ObjectStore store, Action<string> problem)
{
    /// <summary>Trees larger than this are not read (a real tree of 16 MB would name some 300,000 files).</summary>
    private const long MaxRawTreeBytes = 16L * 1024 * 1024;

    private const long MaxCachedBytes = 16L * 1024 * 1024;
    private const int MaxCachedEntries = 100_000;

    private readonly BoundedCache<Dictionary<string, Entry>> _listed = new(MaxCachedEntries);
    private readonly BoundedCache<byte[]?> _raw = new(MaxCachedBytes);

    /// <summary>One entry of a tree: what a diff needs, without LibGit2Sharp objects.</summary>
    public readonly record struct Entry(string Name, GitId Id, Mode Mode, TreeEntryTargetType Type);

    /// <summary>The entries of the tree <paramref name="id"/> by name, in the tree's own order.</summary>
    public Dictionary<string, Entry> Of(GitId id)
    {
        if (_listed.TryGet(id, out var known))
        {
            return known;
        }

        var entries = Raw(id) ?? ThroughLibgit2(id);
        _listed.Add(id, entries, Math.Max(1, entries.Count));
        return entries;
    }

    /// <summary>The tree's bytes as stored, or null when the raw reader cannot give them (libgit2 lists it then).</summary>
    public byte[]? RawOf(GitId id)
    {
        if (_raw.TryGet(id, out var known))
        {
            return known;
        }

        Span<byte> bytes = stackalloc byte[20];
        id.WriteTo(bytes);
        var raw = store.Read(bytes, MaxRawTreeBytes);
        switch (raw.Status)
        {
            case ReadStatus.TooLarge:
                throw new InvalidDataException($"tree {Hex(id)} is {raw.Size} bytes, over the {MaxRawTreeBytes} byte limit of a tree; not read");
            case ReadStatus.Refused:
                throw new InvalidDataException($"tree {Hex(id)} is stored as a delta chain built to cost far more than its size; not read");
        }

        var data = raw.Status == ReadStatus.Ok && raw.Kind == RawKind.Tree ? raw.Data : null;
        // An unreadable tree still takes a slot: it weighs what its slot costs.
        _raw.Add(id, data, data?.Length ?? 64);
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
            return ByName(id, RawTree.Parse(data));
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
        if (tree.Count > TreeDiff.MaxEntries)
        {
            throw new InvalidDataException($"tree {objectId.Sha} names {tree.Count} entries, more than the walk reads");
        }

        return ByName(id, tree.Select(e => (e.Name, GitId.From(e.Target.Id), e.Mode, e.TargetType)));
    }

    /// <summary>A name given twice (git refuses such trees; a crafted one may hold them) keeps its first entry, and is named.</summary>
    private Dictionary<string, Entry> ByName(GitId id, IEnumerable<(string Name, GitId Id, Mode Mode, TreeEntryTargetType Type)> entries)
    {
        var byName = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (name, entryId, mode, type) in entries)
        {
            if (!byName.TryAdd(name, new Entry(name, entryId, mode, type)))
            {
                problem($"tree {Hex(id)} names '{name}' twice, which git does not allow; only the first was read");
            }
        }

        return byName;
    }

    private static string Hex(GitId id)
    {
        Span<byte> bytes = stackalloc byte[20];
        id.WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>A cache by tree id whose entries together weigh at most a bound; past it the older half goes.</summary>
    private sealed class BoundedCache<T>(long maxWeight)
    {
        private readonly Dictionary<GitId, (T Value, long Weight)> _items = [];
        private readonly Queue<GitId> _order = new();
        private long _weight;

        public bool TryGet(GitId id, out T value)
        {
            var found = _items.TryGetValue(id, out var item);
            value = item.Value;
            return found;
        }

        public void Add(GitId id, T value, long weight)
        {
            if (weight > maxWeight / 4 || _items.ContainsKey(id))
            {
                return;
            }

            while (_weight + weight > maxWeight && _order.Count > 0)
            {
                for (var i = _order.Count / 2; i >= 0 && _order.Count > 0; i--)
                {
                    if (_items.Remove(_order.Dequeue(), out var dropped))
                    {
                        _weight -= dropped.Weight;
                    }
                }
            }

            _items[id] = (value, weight);
            _order.Enqueue(id);
            _weight += weight;
        }
    }
}

using System.Collections;
using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory.Compact;

/// <summary>
/// A target's artifacts packed into byte blocks and made back into <see cref="Artifact"/> objects when read.
/// Held as objects, an artifact cost about 800 bytes (the object, its path three times over: virtual, relative and
/// on disk, and its hash as 64 characters), which made the memory of an audit grow with the number of files. Packed,
/// the relative and local paths are worked out from the virtual path and shared folder names, the hash is 32 bytes,
/// and strings many artifacts share (target, parent, extractor, folders) are stored once: about 150 bytes each.
/// </summary>
/// <remarks>
/// Read-only once built and safe to read from several threads. Each read makes a new artifact, equal to the one
/// added in every field but <see cref="Artifact.Content"/>: file and window contents are made again as new handles
/// to the same bytes (they hold nothing else), so two reads are not <c>==</c>. Content types this class does not
/// know, and container outcomes (few), are kept as the objects they are.
/// </remarks>
internal sealed class CompactArtifacts : IArtifactPaths
{
    /// <summary>
    /// Under the large-object threshold (85,000 bytes): a block read back from disk is then a short-lived array the
    /// young generation frees, where 1 MiB blocks were 45 MB of dead large objects at a time on /usr.
    /// </summary>
    private const int BlockSize = 64 << 10;

    private readonly BlockStore _store;
    private readonly List<int> _blockIds = [];
    private readonly List<string> _shared = [];
    private readonly Dictionary<string, int> _sharedIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<int, object> _objects = [];
    private long[] _positions = [];

    /// <summary>The block being filled while building, not yet in the store; its index is <c>_blockIds.Count</c>.</summary>
    private byte[]? _open;
    private int _used;

    private CompactArtifacts(BlockStore store)
    {
        _store = store;
    }

    public int Count { get; private set; }

    public Artifact this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var position = _positions[index];
            var blockIndex = (int)(position >> 32);
            var block = blockIndex == _blockIds.Count ? _open! : _store.Get(_blockIds[blockIndex]);
            return ArtifactCodec.Decode(new RecordReader(block.AsSpan((int)(position & 0xffffffff))), _shared, index, _objects);
        }
    }

    /// <summary>Only the relative path of artifact <paramref name="index"/>, for rules that look at paths alone.</summary>
    public string RelativePathAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var position = _positions[index];
        var blockIndex = (int)(position >> 32);
        var block = blockIndex == _blockIds.Count ? _open! : _store.Get(_blockIds[blockIndex]);
        return ArtifactCodec.DecodeRelativePath(new RecordReader(block.AsSpan((int)(position & 0xffffffff))), _shared);
    }

    public static CompactArtifacts From(IEnumerable<Artifact> artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var builder = new Builder(BlockStore.InMemory());
        foreach (var artifact in artifacts)
        {
            builder.Add(artifact);
        }

        return builder.Build();
    }

    public IEnumerator<Artifact> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Share(string value)
    {
        if (!_sharedIndex.TryGetValue(value, out var index))
        {
            index = _shared.Count;
            _shared.Add(value);
            _sharedIndex.Add(value, index);
        }

        return index;
    }

    /// <summary>
    /// Gives this list's blocks back to the store, when another list holds the same artifacts (merged); reading the
    /// list afterwards is a bug and throws.
    /// </summary>
    public void Release()
    {
        foreach (var id in _blockIds)
        {
            _store.Free(id);
        }

        _blockIds.Clear();
        _open = null;
        _positions = [];
        Count = 0;
    }

    private void Append(ReadOnlySpan<byte> record, int index)
    {
        // A record never straddles two blocks; one longer than a block gets a block of its own size.
        if (_open is null || _used + record.Length > _open.Length)
        {
            Seal(trim: false);
            _open = new byte[Math.Max(BlockSize, record.Length)];
            _used = 0;
        }

        record.CopyTo(_open.AsSpan(_used));
        _positions[index] = ((long)_blockIds.Count << 32) | (uint)_used;
        _used += record.Length;
    }

    /// <summary>
    /// Hands the open block to the store. A full block keeps its few unused bytes at the end (no copy of a whole block per
    /// block); the last one is trimmed, so a list of a few artifacts (a firmware file alone) does not keep a whole block.
    /// </summary>
    private void Seal(bool trim)
    {
        if (_open is not null)
        {
            _blockIds.Add(_store.Add(trim && _used < _open.Length ? _open[.._used] : _open));
            _open = null;
        }
    }

    /// <summary>
    /// Packs artifacts one at a time, so an inventory never holds all of them as objects. Not thread-safe; the list
    /// it builds is read-only.
    /// </summary>
    public sealed class Builder
    {
        private readonly CompactArtifacts _list;
        private readonly RecordWriter _writer = new();
        private bool _built;

        /// <param name="store">Where the packed blocks go; the list built reads from it, so it must outlive the list.</param>
        public Builder(BlockStore store)
        {
            ArgumentNullException.ThrowIfNull(store);
            _list = new CompactArtifacts(store);
        }

        public int Count => _list.Count;

        /// <summary>An artifact added so far, made from its record.</summary>
        public Artifact this[int index] => _list[index];

        /// <summary>Adds <paramref name="artifact"/> at the end and returns its index.</summary>
        public int Add(Artifact artifact)
        {
            ArgumentNullException.ThrowIfNull(artifact);
            ObjectDisposedException.ThrowIf(_built, this);
            if (_list.Count == _list._positions.Length)
            {
                Array.Resize(ref _list._positions, Math.Max(1024, _list._positions.Length * 2));
            }

            var index = _list.Count++;
            Write(artifact, index);
            return index;
        }

        /// <summary>
        /// Puts <paramref name="artifact"/> at <paramref name="index"/> in place of what was there (a target's root,
        /// known only once its files are). The old record's bytes stay unused.
        /// </summary>
        public void Replace(int index, Artifact artifact)
        {
            ArgumentNullException.ThrowIfNull(artifact);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_list.Count, nameof(index));
            ObjectDisposedException.ThrowIf(_built, this);
            _list._objects.Remove(index);
            _list._objects.Remove(~index);
            Write(artifact, index);
        }

        /// <summary>Gives back the blocks of what was added; see <see cref="CompactArtifacts.Release"/>.</summary>
        public void Release()
        {
            _built = true;
            _list.Release();
        }

        public CompactArtifacts Build()
        {
            _built = true;
            Array.Resize(ref _list._positions, _list.Count);

            // The index of shared strings only adding needs.
            _list.Seal(trim: true);
            _list._sharedIndex.Clear();
            _list._sharedIndex.TrimExcess();
            return _list;
        }

        private void Write(Artifact artifact, int index)
        {
            _writer.Reset();
            ArtifactCodec.Encode(artifact, _writer, _list.Share, index, _list._objects);
            _list.Append(_writer.Written, index);
        }
    }
}

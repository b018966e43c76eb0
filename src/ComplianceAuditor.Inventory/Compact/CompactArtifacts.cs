using System.Collections;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory.Compact;

/// <summary>
/// A target's artifacts packed into large byte blocks and made back into <see cref="Artifact"/> objects when read.
/// Held as objects, an artifact cost about 800 bytes (the object, its path three times over: virtual, relative and
/// on disk, and its hash as 64 characters), which made the memory of an audit grow with the number of files. Packed,
/// the relative and local paths are worked out from the virtual path and shared folder names, the hash is 32 bytes,
/// and strings many artifacts share (target, parent, extractor, folders) are stored once: about 150 bytes each.
/// </summary>
/// <remarks>
/// Read-only once built and safe to read from several threads. Each read makes a new, equal artifact; contents are
/// made again too (they are stateless handles to a file). Content types this class does not know, and container
/// outcomes (few), are kept as the objects they are.
/// </remarks>
internal sealed class CompactArtifacts : IReadOnlyList<Artifact>
{
    private const int BlockSize = 1 << 20;

    private readonly List<byte[]> _blocks = [];
    private readonly List<string> _shared = [];
    private readonly Dictionary<string, int> _sharedIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<int, object> _objects = [];
    private long[] _positions = [];
    private int _used = BlockSize;

    private CompactArtifacts()
    {
    }

    public int Count { get; private set; }

    public Artifact this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var position = _positions[index];
            var block = _blocks[(int)(position >> 32)];
            return ArtifactCodec.Decode(new RecordReader(block.AsSpan((int)(position & 0xffffffff))), _shared, index, _objects);
        }
    }

    public static CompactArtifacts From(IReadOnlyList<Artifact> artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var list = new CompactArtifacts { _positions = new long[artifacts.Count] };
        var writer = new RecordWriter();
        for (var i = 0; i < artifacts.Count; i++)
        {
            writer.Reset();
            ArtifactCodec.Encode(artifacts[i], writer, list.Share, i, list._objects);
            list.Append(writer.Written);
        }

        return list;
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

    private void Append(ReadOnlySpan<byte> record)
    {
        // A record never straddles two blocks; one longer than a block gets a block of its own size.
        if (_blocks.Count == 0 || _used + record.Length > _blocks[^1].Length)
        {
            _blocks.Add(new byte[Math.Max(BlockSize, record.Length)]);
            _used = 0;
        }

        record.CopyTo(_blocks[^1].AsSpan(_used));
        _positions[Count++] = ((long)(_blocks.Count - 1) << 32) | (uint)_used;
        _used += record.Length;
    }
}

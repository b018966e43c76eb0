using System.Buffers.Binary;
using System.Text;

namespace ComplianceAuditor.Update.Boot.Tests;

/// <summary>
/// Writes flattened device trees token by token (header v17, an empty memory-reservation block, struct block,
/// strings block), so tests can build FITs and control DTBs, and trees no device-tree compiler would write.
/// </summary>
internal sealed class FdtBlob
{
    private readonly List<byte> _struct = [];
    private readonly List<byte> _strings = [];
    private readonly Dictionary<string, int> _nameOffsets = new(StringComparer.Ordinal);

    public const int StructOffset = 56;

    /// <summary>Where each property value starts in the finished blob, by "node path:property".</summary>
    public Dictionary<string, int> ValueOffsets { get; } = new(StringComparer.Ordinal);

    public FdtBlob Begin(string name)
    {
        Token(1);
        _struct.AddRange(Encoding.ASCII.GetBytes(name));
        _struct.Add(0);
        Align();
        return this;
    }

    public FdtBlob End()
    {
        Token(2);
        return this;
    }

    public FdtBlob Nop()
    {
        Token(4);
        return this;
    }

    public FdtBlob Property(string name, byte[] value, string? path = null, uint? declaredLength = null, uint? nameOffset = null)
    {
        Token(3);
        Token(declaredLength ?? (uint)value.Length);
        Token(nameOffset ?? (uint)NameOffset(name));
        if (path is not null)
        {
            ValueOffsets[path + ":" + name] = StructOffset + _struct.Count;
        }

        _struct.AddRange(value);
        Align();
        return this;
    }

    public FdtBlob Property(string name, string value, string? path = null) => Property(name, [.. Encoding.ASCII.GetBytes(value), 0], path);

    public FdtBlob Property(string name, uint value)
    {
        var cell = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(cell, value);
        return Property(name, cell);
    }

    /// <summary>The blob; <paramref name="trailing"/> goes after the tree (external FIT data).</summary>
    public byte[] Build(byte[]? trailing = null, bool withEndToken = true)
    {
        var structBytes = new List<byte>(_struct);
        if (withEndToken)
        {
            structBytes.AddRange([0, 0, 0, 9]);
        }

        var stringsOffset = StructOffset + structBytes.Count;
        var total = stringsOffset + _strings.Count;
        var padded = (total + 3) & ~3;
        var blob = new byte[padded + (trailing?.Length ?? 0)];
        void Put(int at, int value) => BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(at), (uint)value);
        Put(0, unchecked((int)0xD00DFEED));
        Put(4, total);
        Put(8, StructOffset);
        Put(12, stringsOffset);
        Put(16, 40);
        Put(20, 17);
        Put(24, 16);
        Put(32, _strings.Count);
        Put(36, structBytes.Count);
        structBytes.CopyTo(blob, StructOffset);
        _strings.CopyTo(blob, stringsOffset);
        trailing?.CopyTo(blob, padded);
        return blob;
    }

    /// <summary>Bytes the strings block holds so far (what a <c>hashed-strings</c> of the whole block says).</summary>
    public int StringsLength => _strings.Count;

    private int NameOffset(string name)
    {
        if (!_nameOffsets.TryGetValue(name, out var offset))
        {
            offset = _strings.Count;
            _nameOffsets[name] = offset;
            _strings.AddRange(Encoding.ASCII.GetBytes(name));
            _strings.Add(0);
        }

        return offset;
    }

    private void Token(uint value)
    {
        Span<byte> cell = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(cell, value);
        _struct.AddRange(cell.ToArray());
    }

    private void Align()
    {
        while (_struct.Count % 4 != 0)
        {
            _struct.Add(0);
        }
    }
}

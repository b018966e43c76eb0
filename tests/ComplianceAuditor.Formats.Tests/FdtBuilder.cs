using System.Buffers.Binary;
using System.Text;

namespace ComplianceAuditor.Formats.Tests;

/// <summary>
/// Writes small device-tree blobs token by token, following the layout of the Devicetree Specification (header,
/// memory reservations, struct block, strings), so tests can make trees that dtc would refuse to write.
/// </summary>
internal sealed class FdtBuilder
{
    private readonly List<byte> _struct = [];
    private readonly List<byte> _strings = [];
    private readonly Dictionary<string, int> _names = [];

    public FdtBuilder BeginNode(string name)
    {
        Cell(1);
        _struct.AddRange(Encoding.ASCII.GetBytes(name));
        _struct.Add(0);
        Pad();
        return this;
    }

    public FdtBuilder EndNode()
    {
        Cell(2);
        return this;
    }

    public FdtBuilder Property(string name, byte[] value) => Property(name, value, (uint)value.Length);

    /// <summary>A property whose length field says <paramref name="declaredLength"/>, whatever the value holds.</summary>
    public FdtBuilder Property(string name, byte[] value, uint declaredLength)
    {
        if (!_names.TryGetValue(name, out var offset))
        {
            offset = _strings.Count;
            _names[name] = offset;
            _strings.AddRange(Encoding.ASCII.GetBytes(name));
            _strings.Add(0);
        }

        Cell(3);
        Cell(declaredLength);
        Cell((uint)offset);
        _struct.AddRange(value);
        Pad();
        return this;
    }

    public byte[] Build()
    {
        Cell(9);
        const int headerSize = 40;
        const int reservationsOffset = headerSize;
        const int structOffset = reservationsOffset + 16;
        var stringsOffset = structOffset + _struct.Count;
        var total = stringsOffset + _strings.Count;
        var blob = new byte[total];
        void Put(int at, int value) => BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(at), (uint)value);
        Put(0, unchecked((int)0xD00DFEED));
        Put(4, total);
        Put(8, structOffset);
        Put(12, stringsOffset);
        Put(16, reservationsOffset);
        Put(20, 17);
        Put(24, 16);
        Put(32, _strings.Count);
        Put(36, _struct.Count);
        _struct.CopyTo(blob, structOffset);
        _strings.CopyTo(blob, stringsOffset);
        return blob;
    }

    private void Cell(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        _struct.AddRange(b.ToArray());
    }

    private void Pad()
    {
        while (_struct.Count % 4 != 0)
        {
            _struct.Add(0);
        }
    }
}

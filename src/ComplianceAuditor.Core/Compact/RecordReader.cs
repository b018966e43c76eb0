using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ComplianceAuditor.Core.Compact;

/// <summary>Reads back what <see cref="RecordWriter"/> wrote, in the same order. Records are ours, never input.</summary>
public ref struct RecordReader(ReadOnlySpan<byte> data)
{
    private ReadOnlySpan<byte> _data = data;

    public ulong Count()
    {
        ulong value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = _data[0];
            _data = _data[1..];
            value |= (ulong)(b & 0x7f) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        return value;
    }

    public int Index() => checked((int)Count());

    public long Number()
    {
        var value = Count();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    public long Fixed64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(_data);
        _data = _data[8..];
        return value;
    }

    public string Text()
    {
        var header = Count();
        var length = checked((int)(header >> 1));
        var value = (header & 1) == 0 ? Encoding.UTF8.GetString(_data[..length]) : new string(MemoryMarshal.Cast<byte, char>(_data[..length]));
        _data = _data[length..];
        return value;
    }

    public ReadOnlySpan<byte> Bytes(int length)
    {
        var value = _data[..length];
        _data = _data[length..];
        return value;
    }
}

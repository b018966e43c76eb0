using System.Buffers.Binary;
using System.Text;

namespace ComplianceAuditor.Formats.DeviceTree;

/// <summary>
/// A property of a device-tree node. Small values are held in memory (<see cref="IsValueLoaded"/>); large ones are
/// only located by <see cref="ValueOffset"/> and <see cref="Length"/> in the blob. The typed views return null
/// when the value does not have that shape, so callers can probe without exceptions.
/// </summary>
public sealed class FdtProperty
{
    private readonly ReadOnlyMemory<byte>? _value;

    internal FdtProperty(string name, long valueOffset, long length, ReadOnlyMemory<byte>? value)
    {
        Name = name;
        ValueOffset = valueOffset;
        Length = length;
        _value = value;
    }

    public string Name { get; }

    /// <summary>Where the value starts, from the start of the device-tree blob.</summary>
    public long ValueOffset { get; }

    public long Length { get; }

    public bool IsValueLoaded => _value.HasValue;

    /// <summary>The raw value; throws <see cref="InvalidOperationException"/> for a value too large to have been loaded.</summary>
    public ReadOnlyMemory<byte> Value => _value ?? throw new InvalidOperationException(
        $"device-tree property '{Name}' has {Length} bytes, more than were loaded; read it from the source at offset {ValueOffset}");

    /// <summary>A 4-byte big-endian cell.</summary>
    public uint? AsUInt32() => _value is { Length: 4 } v ? BinaryPrimitives.ReadUInt32BigEndian(v.Span) : null;

    /// <summary>An 8-byte big-endian value (two cells).</summary>
    public ulong? AsUInt64() => _value is { Length: 8 } v ? BinaryPrimitives.ReadUInt64BigEndian(v.Span) : null;

    /// <summary>An address of one or two cells, as FIT <c>load</c> and <c>entry</c> are written.</summary>
    public ulong? AsAddress() => AsUInt32() ?? AsUInt64();

    /// <summary>The value as big-endian 32-bit cells, when its length is a multiple of 4.</summary>
    public IReadOnlyList<uint>? AsCells()
    {
        if (_value is not { } v || v.Length % 4 != 0)
        {
            return null;
        }

        var cells = new uint[v.Length / 4];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = BinaryPrimitives.ReadUInt32BigEndian(v.Span[(i * 4)..]);
        }

        return cells;
    }

    /// <summary>A single NUL-terminated string of printable characters.</summary>
    public string? AsString() => AsStringList() is [var only] ? only : null;

    /// <summary>One or more NUL-terminated, non-empty strings of printable characters (a <c>compatible</c> list).</summary>
    public IReadOnlyList<string>? AsStringList()
    {
        if (_value is not { Length: > 0 } v || v.Span[^1] != 0)
        {
            return null;
        }

        var strings = new List<string>();
        var rest = v.Span;
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)0);
            var text = rest[..end];
            if (text.Length == 0)
            {
                return null;
            }

            foreach (var b in text)
            {
                if (b is < 0x20 or >= 0x7F)
                {
                    return null;
                }
            }

            strings.Add(Encoding.ASCII.GetString(text));
            rest = rest[(end + 1)..];
        }

        return strings;
    }
}

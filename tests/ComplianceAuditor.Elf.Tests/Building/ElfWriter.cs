using System.Buffers.Binary;
using System.Text;

namespace ComplianceAuditor.Elf.Tests.Building;

/// <summary>Appends ELF fields in the file's byte order, with addresses 4 or 8 bytes wide by class.</summary>
internal sealed class ElfWriter(bool is64, bool bigEndian)
{
    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public ElfWriter U8(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    public ElfWriter U16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        }

        return Bytes(b);
    }

    public ElfWriter U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        }

        return Bytes(b);
    }

    public ElfWriter U64(ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        }

        return Bytes(b);
    }

    /// <summary>An address, offset or size: 4 bytes in ELF32, 8 in ELF64.</summary>
    public ElfWriter Word(ulong value) => is64 ? U64(value) : U32(checked((uint)value));

    public ElfWriter Bytes(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            _bytes.Add(b);
        }

        return this;
    }

    public ElfWriter CString(string value) => Bytes(Encoding.UTF8.GetBytes(value)).U8(0);

    public ElfWriter Zeros(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _bytes.Add(0);
        }

        return this;
    }

    public ElfWriter Align(int alignment)
    {
        while (alignment > 1 && _bytes.Count % alignment != 0)
        {
            _bytes.Add(0);
        }

        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}

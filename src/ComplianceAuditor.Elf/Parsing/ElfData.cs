using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Elf.Parsing;

/// <summary>
/// Bounds-checked, endian-aware reads over the file's bytes. Every read checks offset and length against the file
/// size first and throws <see cref="ElfReadException"/> naming what it was reading; nothing is allocated from a
/// size field without such a check.
/// </summary>
internal readonly struct ElfData
{
    public ElfData(ReadOnlyMemory<byte> bytes, bool bigEndian, bool is64)
    {
        Bytes = bytes;
        BigEndian = bigEndian;
        Is64 = is64;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    public bool BigEndian { get; }

    public bool Is64 { get; }

    public long Length => Bytes.Length;

    public ReadOnlySpan<byte> Slice(ulong offset, ulong length, string what)
    {
        if (!Fits(offset, length))
        {
            throw new ElfReadException(string.Create(CultureInfo.InvariantCulture,
                $"{what} (offset 0x{offset:x}, {length} bytes) extends past the end of the file ({Length} bytes)"));
        }

        return Bytes.Span.Slice((int)offset, (int)length);
    }

    public ReadOnlyMemory<byte> SliceMemory(ulong offset, ulong length, string what)
    {
        Slice(offset, length, what);
        return Bytes.Slice((int)offset, (int)length);
    }

    public bool Fits(ulong offset, ulong length) =>
        offset <= (ulong)Length && length <= (ulong)Length - offset;

    public ushort U16(ulong offset, string what)
    {
        var s = Slice(offset, 2, what);
        return BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
    }

    public uint U32(ulong offset, string what)
    {
        var s = Slice(offset, 4, what);
        return BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
    }

    public ulong U64(ulong offset, string what)
    {
        var s = Slice(offset, 8, what);
        return BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
    }

    // Table entries (symbols, section headers) are bounds-checked once as a whole and their fields read from that
    // span: a check and a span per field made symbol tables of tens of thousands of entries the slowest part of parsing.

    /// <summary>A field of an entry already sliced with <see cref="Slice"/>.</summary>
    public ushort U16(ReadOnlySpan<byte> entry, int at) =>
        BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(entry[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(entry[at..]);

    /// <inheritdoc cref="U16(ReadOnlySpan{byte}, int)"/>
    public uint U32(ReadOnlySpan<byte> entry, int at) =>
        BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(entry[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(entry[at..]);

    /// <inheritdoc cref="U16(ReadOnlySpan{byte}, int)"/>
    public ulong U64(ReadOnlySpan<byte> entry, int at) =>
        BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(entry[at..]) : BinaryPrimitives.ReadUInt64LittleEndian(entry[at..]);

    /// <summary>An address or offset: 4 bytes in ELF32, 8 in ELF64.</summary>
    public ulong Word(ulong offset, string what) => Is64 ? U64(offset, what) : U32(offset, what);

    /// <summary>A signed word (dynamic tags).</summary>
    public long SWord(ulong offset, string what) => Is64 ? (long)U64(offset, what) : (int)U32(offset, what);

    public int WordSize => Is64 ? 8 : 4;

    /// <summary>A NUL-terminated string at <paramref name="index"/> of a string table already sliced, at most <paramref name="maxLength"/> bytes.</summary>
    public static string? CString(ReadOnlySpan<byte> table, ulong index, int maxLength = 4096)
    {
        if (index >= (ulong)table.Length)
        {
            return null;
        }

        var span = table.Slice((int)index, (int)Math.Min((ulong)maxLength, (ulong)table.Length - index));
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    /// <summary>A NUL-terminated string inside [tableOffset, tableOffset + tableSize), at most <paramref name="maxLength"/> bytes.</summary>
    public string? CString(ulong tableOffset, ulong tableSize, ulong index, int maxLength = 4096)
    {
        if (index >= tableSize || !Fits(tableOffset, tableSize))
        {
            return null;
        }

        var start = (int)(tableOffset + index);
        var available = (int)Math.Min((ulong)maxLength, tableSize - index);
        var span = Bytes.Span.Slice(start, available);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }
}

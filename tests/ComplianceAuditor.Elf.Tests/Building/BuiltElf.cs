using System.Buffers.Binary;

namespace ComplianceAuditor.Elf.Tests.Building;

/// <summary>Where a built section landed: its index, contents and header.</summary>
internal sealed record BuiltSection(int Index, ulong Offset, ulong Size, ulong HeaderOffset);

/// <summary>
/// The bytes of a built ELF image and where things are in them, with writers that patch single fields in the file's
/// byte order (to break one part on purpose).
/// </summary>
internal sealed class BuiltElf(byte[] bytes, bool is64, bool bigEndian, IReadOnlyDictionary<string, BuiltSection> sections, int segmentCount)
{
    public byte[] Bytes { get; private set; } = bytes;

    public bool Is64 { get; } = is64;

    public bool BigEndian { get; } = bigEndian;

    public int SegmentCount { get; } = segmentCount;

    public IReadOnlyDictionary<string, BuiltSection> Sections { get; } = sections;

    /// <summary>File offsets of header fields.</summary>
    public ulong EPhOff => 24 + (ulong)WordSize;

    public ulong EShOff => 24 + (2 * (ulong)WordSize);

    public ulong EPhEntSize => Is64 ? 54UL : 42UL;

    public ulong EPhNum => Is64 ? 56UL : 44UL;

    public ulong EShEntSize => Is64 ? 58UL : 46UL;

    public ulong EShNum => Is64 ? 60UL : 48UL;

    public ulong EShStrNdx => Is64 ? 62UL : 50UL;

    /// <summary>Where the builder puts the program header table (right after the file header).</summary>
    public ulong PhOff => Is64 ? 64UL : 52UL;

    public ulong PhEntSize => Is64 ? 56UL : 32UL;

    /// <summary>Offsets of p_offset and p_filesz inside a program header.</summary>
    public ulong POffset => Is64 ? 8UL : 4UL;

    public ulong PFileSz => Is64 ? 32UL : 16UL;

    /// <summary>Offsets of sh_name, sh_offset... inside a section header.</summary>
    public const ulong ShName = 0;

    public ulong ShOffset => Is64 ? 24UL : 16UL;

    public ulong ShSize => Is64 ? 32UL : 20UL;

    public ulong ShLink => Is64 ? 40UL : 24UL;

    public ulong ShInfo => Is64 ? 44UL : 28UL;

    public int WordSize => Is64 ? 8 : 4;

    public BuiltSection this[string section] => Sections[section];

    public ElfFile Parse() => ElfFile.Parse(Bytes);

    /// <summary>File offset of program header <paramref name="index"/> (0 is the PT_LOAD covering the file).</summary>
    public ulong ProgramHeader(int index) => PhOff + ((ulong)index * PhEntSize);

    public BuiltElf U16(ulong offset, ushort value)
    {
        var span = Bytes.AsSpan((int)offset, 2);
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        }

        return this;
    }

    public BuiltElf U32(ulong offset, uint value)
    {
        var span = Bytes.AsSpan((int)offset, 4);
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }

        return this;
    }

    public BuiltElf Word(ulong offset, ulong value)
    {
        if (!Is64)
        {
            return U32(offset, checked((uint)value));
        }

        var span = Bytes.AsSpan((int)offset, 8);
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span, value);
        }

        return this;
    }

    public BuiltElf Truncate(int length)
    {
        Bytes = Bytes[..length];
        return this;
    }
}

using System.Globalization;

namespace ComplianceAuditor.Elf.Parsing;

/// <summary>Reads e_ident and the file header; any defect here is fatal (<see cref="ElfFormatException"/>).</summary>
internal static class HeaderParser
{
    private const int IdentSize = 16;

    public static (ElfHeader Header, ElfData Data) Parse(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (span.Length < 4 || span[0] != 0x7f || span[1] != (byte)'E' || span[2] != (byte)'L' || span[3] != (byte)'F')
        {
            throw new ElfFormatException("not an ELF file (no \\x7fELF magic)");
        }

        if (span.Length < IdentSize)
        {
            throw new ElfFormatException(string.Create(CultureInfo.InvariantCulture, $"truncated: {span.Length} bytes, shorter than the 16-byte identification"));
        }

        var is64 = span[4] switch
        {
            1 => false,
            2 => true,
            _ => throw new ElfFormatException(string.Create(CultureInfo.InvariantCulture, $"invalid class {span[4]} in e_ident[EI_CLASS] (expected 1 or 2)")),
        };
        var bigEndian = span[5] switch
        {
            1 => false,
            2 => true,
            _ => throw new ElfFormatException(string.Create(CultureInfo.InvariantCulture, $"invalid data encoding {span[5]} in e_ident[EI_DATA] (expected 1 or 2)")),
        };

        var headerSize = is64 ? 64 : 52;
        if (span.Length < headerSize)
        {
            throw new ElfFormatException(string.Create(CultureInfo.InvariantCulture, $"truncated: {span.Length} bytes, shorter than the {headerSize}-byte ELF{(is64 ? 64 : 32)} header"));
        }

        var d = new ElfData(bytes, bigEndian, is64);
        const string What = "file header";
        var w = (ulong)d.WordSize;
        var phoff = d.Word(24 + w, What);
        var shoff = d.Word(24 + (2 * w), What);
        var o = 24 + (3 * w);
        var header = new ElfHeader
        {
            Class = is64 ? ElfClass.Elf64 : ElfClass.Elf32,
            BigEndian = bigEndian,
            OsAbi = span[7],
            AbiVersion = span[8],
            Type = d.U16(16, What),
            Machine = d.U16(18, What),
            Version = d.U32(20, What),
            Entry = d.Word(24, What),
            ProgramHeaderOffset = phoff,
            SectionHeaderOffset = shoff,
            Flags = d.U32(o, What),
            HeaderSize = d.U16(o + 4, What),
            ProgramHeaderEntrySize = d.U16(o + 6, What),
            ProgramHeaderCount = d.U16(o + 8, What),
            SectionHeaderEntrySize = d.U16(o + 10, What),
            SectionHeaderCount = d.U16(o + 12, What),
            SectionNameTableIndex = d.U16(o + 14, What),
        };
        return (ResolveExtendedNumbering(header, d), d);
    }

    /// <summary>
    /// With more than 0xff00 sections (or 0xffff program headers), the real counts and the name-table index live in
    /// section header 0 (e_shnum = 0, e_phnum = PN_XNUM, e_shstrndx = SHN_XINDEX).
    /// </summary>
    private static ElfHeader ResolveExtendedNumbering(ElfHeader h, ElfData d)
    {
        var needsSection0 = (h.SectionHeaderCount == 0 && h.SectionHeaderOffset != 0) || h.ProgramHeaderCount == 0xffff || h.SectionNameTableIndex == 0xffff;
        var entry = (ulong)(d.Is64 ? 64 : 40);
        if (!needsSection0 || h.SectionHeaderEntrySize < entry || !d.Fits(h.SectionHeaderOffset, entry))
        {
            return h;
        }

        const string What = "section header 0 (extended numbering)";
        var size = d.Word(h.SectionHeaderOffset + (d.Is64 ? 32UL : 20UL), What);
        var link = d.U32(h.SectionHeaderOffset + (d.Is64 ? 40UL : 24UL), What);
        var info = d.U32(h.SectionHeaderOffset + (d.Is64 ? 44UL : 28UL), What);
        return h with
        {
            SectionHeaderCount = h.SectionHeaderCount == 0 ? (uint)Math.Min(size, uint.MaxValue) : h.SectionHeaderCount,
            ProgramHeaderCount = h.ProgramHeaderCount == 0xffff ? info : h.ProgramHeaderCount,
            SectionNameTableIndex = h.SectionNameTableIndex == 0xffff ? link : h.SectionNameTableIndex,
        };
    }
}

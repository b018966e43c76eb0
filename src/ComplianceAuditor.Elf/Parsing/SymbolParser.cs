using System.Globalization;

namespace ComplianceAuditor.Elf.Parsing;

/// <summary>Reads a symbol table section (<c>.symtab</c> or <c>.dynsym</c>) with names, sections and versions.</summary>
internal static class SymbolParser
{
    /// <summary>More than any real binary carries; bounds memory on a hostile table.</summary>
    public const int MaxSymbols = 2_000_000;

    public static IReadOnlyList<ElfSymbol> Parse(ElfData d, IReadOnlyList<ElfSection> sections, ElfSection table, List<ElfProblem> problems)
    {
        var what = table.Type == ElfSection.ShtDynSym ? "dynamic symbol table" : "symbol table";
        var entrySize = table.EntrySize == 0 ? (ulong)(d.Is64 ? 24 : 16) : table.EntrySize;
        var count = table.Size / entrySize;
        if (count > MaxSymbols)
        {
            problems.Add(new(what, string.Create(CultureInfo.InvariantCulture, $"{count} entries is over the limit of {MaxSymbols}; only the first {MaxSymbols} were read")));
            count = MaxSymbols;
        }

        TableBounds.Check(d, what, table.Offset, entrySize, count, d.Is64 ? 24UL : 16UL);
        var strings = table.Link < sections.Count ? sections[(int)table.Link] : null;
        if (strings is null || !d.Fits(strings.Offset, strings.Size))
        {
            problems.Add(new(what, "its string table is missing or out of range, so symbols have no names"));
            strings = null;
        }

        var (versions, versionNames) = table.Type == ElfSection.ShtDynSym
            ? VersionParser.Parse(d, sections, table, (int)count, problems)
            : (null, new Dictionary<int, string>());

        var symbols = new ElfSymbol[count];
        var all = d.Bytes.Span;
        var names = strings is null ? [] : all.Slice((int)strings.Offset, (int)strings.Size);
        var fieldsSize = d.Is64 ? 24 : 16;
        for (var i = 0; i < symbols.Length; i++)
        {
            // TableBounds.Check above proved that every entry lies inside the file.
            var entry = all.Slice((int)(table.Offset + ((ulong)i * entrySize)), fieldsSize);
            var version = versions is not null && i < versions.Length && versions[i] > 1 ? versions[i] : (ushort)0;
            var versionName = version == 0 ? null : versionNames.GetValueOrDefault(version & 0x7fff);
            symbols[i] = ReadOne(d, entry, i, names, sections, versionName, (version & 0x8000) != 0);
        }

        return symbols;
    }

    private static ElfSymbol ReadOne(
        ElfData d, ReadOnlySpan<byte> e, int index, ReadOnlySpan<byte> names, IReadOnlyList<ElfSection> sections, string? version, bool versionHidden)
    {
        // Elf64_Sym: name, info, other, shndx, value, size. Elf32_Sym: name, value, size, info, other, shndx.
        var nameOffset = d.U32(e, 0);
        var (info, other, shndx, value, size) = d.Is64
            ? (e[4], e[5], d.U16(e, 6), d.U64(e, 8), d.U64(e, 16))
            : (e[12], e[13], d.U16(e, 14), (ulong)d.U32(e, 4), (ulong)d.U32(e, 8));
        return new ElfSymbol
        {
            Index = index,
            Name = names.IsEmpty ? "" : ElfData.CString(names, nameOffset) ?? "",
            Value = value,
            Size = size,
            Type = (byte)(info & 0xf),
            Binding = (byte)(info >> 4),
            Visibility = (byte)(other & 0x3),
            SectionIndex = shndx,
            SectionName = shndx is > ElfSymbol.ShnUndef and < 0xff00 && shndx < sections.Count ? sections[shndx].Name : null,
            Version = version,
            VersionHidden = versionHidden,
        };
    }
}

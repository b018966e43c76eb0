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
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = ReadOne(d, table.Offset + ((ulong)i * entrySize), i, strings, sections, what);
            if (versions is not null && i < versions.Length && versions[i] > 1)
            {
                var index = versions[i] & 0x7fff;
                symbols[i] = symbols[i] with
                {
                    Version = versionNames.GetValueOrDefault(index),
                    VersionHidden = (versions[i] & 0x8000) != 0,
                };
            }
        }

        return symbols;
    }

    private static ElfSymbol ReadOne(ElfData d, ulong o, int index, ElfSection? strings, IReadOnlyList<ElfSection> sections, string what)
    {
        uint nameOffset;
        byte info, other;
        ushort shndx;
        ulong value, size;
        if (d.Is64)
        {
            nameOffset = d.U32(o, what);
            var s = d.Slice(o + 4, 2, what);
            (info, other) = (s[0], s[1]);
            shndx = d.U16(o + 6, what);
            value = d.U64(o + 8, what);
            size = d.U64(o + 16, what);
        }
        else
        {
            nameOffset = d.U32(o, what);
            value = d.U32(o + 4, what);
            size = d.U32(o + 8, what);
            var s = d.Slice(o + 12, 2, what);
            (info, other) = (s[0], s[1]);
            shndx = d.U16(o + 14, what);
        }

        var name = strings is null ? "" : d.CString(strings.Offset, strings.Size, nameOffset) ?? "";
        return new ElfSymbol
        {
            Index = index,
            Name = name,
            Value = value,
            Size = size,
            Type = (byte)(info & 0xf),
            Binding = (byte)(info >> 4),
            Visibility = (byte)(other & 0x3),
            SectionIndex = shndx,
            SectionName = shndx is > ElfSymbol.ShnUndef and < 0xff00 && shndx < sections.Count ? sections[shndx].Name : null,
        };
    }
}

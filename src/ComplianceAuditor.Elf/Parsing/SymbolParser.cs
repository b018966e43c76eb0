using System.Globalization;

namespace ComplianceAuditor.Elf.Parsing;

/// <summary>
/// Reads a symbol table section (<c>.symtab</c> or <c>.dynsym</c>) with names, sections and versions, in two steps:
/// <see cref="Prepare"/> checks the table against the file and records its defects while the file is parsed;
/// <see cref="SymbolTable"/> turns entries into symbols only when asked. A large library has tens of thousands of
/// exported symbols that the hardening checks never look at; making records and name strings of them all was most
/// of what parsing a large tree allocated.
/// </summary>
internal static class SymbolParser
{
    /// <summary>More than any real binary carries; bounds memory on a hostile table.</summary>
    public const int MaxSymbols = 2_000_000;

    public static SymbolTable Prepare(ElfData d, IReadOnlyList<ElfSection> sections, ElfSection table, List<ElfProblem> problems)
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
        return new SymbolTable(d, sections, table.Offset, entrySize, (int)count, strings, versions, versionNames);
    }
}

namespace ComplianceAuditor.Elf.Parsing;

/// <summary>Reads the section header table and resolves names through the section-name string table.</summary>
internal static class SectionParser
{
    public static IReadOnlyList<ElfSection> Parse(ElfHeader h, ElfData d, List<ElfProblem> problems)
    {
        if (h.SectionHeaderCount == 0 || h.SectionHeaderOffset == 0)
        {
            return [];
        }

        const string What = "section header table";
        TableBounds.Check(d, What, h.SectionHeaderOffset, h.SectionHeaderEntrySize, h.SectionHeaderCount, d.Is64 ? 64UL : 40UL);
        var raw = new ElfSection[h.SectionHeaderCount];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = ReadOne(d, h.SectionHeaderOffset + ((ulong)i * h.SectionHeaderEntrySize), i);
        }

        return Name(raw, h, d, problems);
    }

    private static ElfSection ReadOne(ElfData d, ulong o, int index)
    {
        // One bounds check per header (TableBounds already covered the table), then fields from the span.
        var e = d.Slice(o, d.Is64 ? 64UL : 40UL, "section header");
        return d.Is64
            ? new ElfSection
            {
                Index = index,
                Name = "",
                NameOffset = d.U32(e, 0),
                Type = d.U32(e, 4),
                Flags = d.U64(e, 8),
                Address = d.U64(e, 16),
                Offset = d.U64(e, 24),
                Size = d.U64(e, 32),
                Link = d.U32(e, 40),
                Info = d.U32(e, 44),
                AddressAlign = d.U64(e, 48),
                EntrySize = d.U64(e, 56),
            }
            : new ElfSection
            {
                Index = index,
                Name = "",
                NameOffset = d.U32(e, 0),
                Type = d.U32(e, 4),
                Flags = d.U32(e, 8),
                Address = d.U32(e, 12),
                Offset = d.U32(e, 16),
                Size = d.U32(e, 20),
                Link = d.U32(e, 24),
                Info = d.U32(e, 28),
                AddressAlign = d.U32(e, 32),
                EntrySize = d.U32(e, 36),
            };
    }

    private static ElfSection[] Name(ElfSection[] sections, ElfHeader h, ElfData d, List<ElfProblem> problems)
    {
        if (h.SectionNameTableIndex == 0)
        {
            return sections;
        }

        if (h.SectionNameTableIndex >= sections.Length)
        {
            problems.Add(new("section names", $"e_shstrndx {h.SectionNameTableIndex} is not a section index (there are {sections.Length})"));
            return sections;
        }

        var table = sections[h.SectionNameTableIndex];
        if (!d.Fits(table.Offset, table.Size))
        {
            problems.Add(new("section names", $"the section-name table (offset 0x{table.Offset:x}, {table.Size} bytes) extends past the end of the file"));
            return sections;
        }

        var bad = 0;
        for (var i = 0; i < sections.Length; i++)
        {
            var name = d.CString(table.Offset, table.Size, sections[i].NameOffset);
            if (name is null)
            {
                bad++;
            }

            sections[i] = sections[i] with { Name = name ?? "" };
        }

        if (bad > 0)
        {
            problems.Add(new("section names", $"{bad} section name offset(s) point outside the section-name table"));
        }

        return sections;
    }
}

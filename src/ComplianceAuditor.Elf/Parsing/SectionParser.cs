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
        const string What = "section header";
        return d.Is64
            ? new ElfSection
            {
                Index = index,
                Name = "",
                NameOffset = d.U32(o, What),
                Type = d.U32(o + 4, What),
                Flags = d.U64(o + 8, What),
                Address = d.U64(o + 16, What),
                Offset = d.U64(o + 24, What),
                Size = d.U64(o + 32, What),
                Link = d.U32(o + 40, What),
                Info = d.U32(o + 44, What),
                AddressAlign = d.U64(o + 48, What),
                EntrySize = d.U64(o + 56, What),
            }
            : new ElfSection
            {
                Index = index,
                Name = "",
                NameOffset = d.U32(o, What),
                Type = d.U32(o + 4, What),
                Flags = d.U32(o + 8, What),
                Address = d.U32(o + 12, What),
                Offset = d.U32(o + 16, What),
                Size = d.U32(o + 20, What),
                Link = d.U32(o + 24, What),
                Info = d.U32(o + 28, What),
                AddressAlign = d.U32(o + 32, What),
                EntrySize = d.U32(o + 36, What),
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

namespace ComplianceAuditor.Elf.Parsing;

/// <summary>
/// Reads the dynamic section (from the SHT_DYNAMIC section, else from PT_DYNAMIC) up to and including the first
/// DT_NULL, and resolves string-valued tags through the dynamic string table.
/// </summary>
internal static class DynamicParser
{
    public static IReadOnlyList<ElfDynamicEntry> Parse(ElfData d, IReadOnlyList<ElfSection> sections, IReadOnlyList<ElfSegment> segments, List<ElfProblem> problems)
    {
        const string What = "dynamic section";
        var section = sections.FirstOrDefault(s => s.Type == ElfSection.ShtDynamic && s.HasFileData);
        var segment = segments.FirstOrDefault(s => s.Type == ElfSegment.PtDynamic);
        ulong offset, size;
        if (section is not null)
        {
            (offset, size) = (section.Offset, section.Size);
        }
        else if (segment is not null)
        {
            (offset, size) = (segment.Offset, segment.FileSize);
        }
        else
        {
            return [];
        }

        var entrySize = (ulong)(2 * d.WordSize);
        if (!d.Fits(offset, size))
        {
            // Read what lies inside the file; a size field past the end must not stop us from reading real entries.
            problems.Add(new(What, $"declared size {size} at offset 0x{offset:x} extends past the end of the file; reading up to the end"));
            size = offset < (ulong)d.Length ? (ulong)d.Length - offset : 0;
        }

        var raw = new List<(long Tag, ulong Value)>();
        var terminated = false;
        for (ulong o = offset; o + entrySize <= offset + size; o += entrySize)
        {
            var tag = d.SWord(o, What);
            raw.Add((tag, d.Word(o + (ulong)d.WordSize, What)));
            if (tag == ElfDynamicTags.Null)
            {
                terminated = true;
                break;
            }
        }

        if (!terminated && raw.Count > 0)
        {
            problems.Add(new(What, "no DT_NULL entry ends the dynamic section"));
        }

        var strings = StringTable(d, section, sections, segments, raw);
        if (strings is null && raw.Any(e => ElfDynamicTags.HasStringValue(e.Tag)))
        {
            problems.Add(new(What, "the dynamic string table could not be located, so NEEDED, SONAME, RPATH and RUNPATH have no text"));
        }

        return raw.Select(e => new ElfDynamicEntry(
                e.Tag,
                e.Value,
                ElfDynamicTags.HasStringValue(e.Tag) && strings is { } t ? d.CString(t.Offset, t.Size, e.Value) : null))
            .ToArray();
    }

    private static (ulong Offset, ulong Size)? StringTable(
        ElfData d, ElfSection? dynamic, IReadOnlyList<ElfSection> sections, IReadOnlyList<ElfSegment> segments, List<(long Tag, ulong Value)> entries)
    {
        if (dynamic is not null && dynamic.Link < sections.Count && sections[(int)dynamic.Link] is { Type: ElfSection.ShtStrTab } linked && d.Fits(linked.Offset, linked.Size))
        {
            return (linked.Offset, linked.Size);
        }

        // No usable section headers: map DT_STRTAB's address through the loadable segments, as the loader would.
        var address = entries.FirstOrDefault(e => e.Tag == ElfDynamicTags.StrTab).Value;
        var size = entries.FirstOrDefault(e => e.Tag == 10).Value;
        var offset = ElfAddressMap.ToFileOffset(segments, address);
        if (address == 0 || offset is null)
        {
            return null;
        }

        var available = (ulong)d.Length - Math.Min(offset.Value, (ulong)d.Length);
        return (offset.Value, size == 0 ? available : Math.Min(size, available));
    }
}

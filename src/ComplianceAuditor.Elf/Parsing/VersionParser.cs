namespace ComplianceAuditor.Elf.Parsing;

/// <summary>
/// Reads symbol versions: <c>.gnu.version</c> (one index per dynamic symbol) and the names those indexes stand for,
/// from <c>.gnu.version_r</c> (versions needed) and <c>.gnu.version_d</c> (versions defined). Chains are followed
/// with an iteration bound, so a loop in vn_next or vd_next cannot hang the reader. A chain that leaves its section,
/// does not end within the bound, or ends before the sh_info entries it declares is recorded as a problem
/// ("symbol versions"), keeping the names read so far.
/// </summary>
internal static class VersionParser
{
    public static (ushort[]? Indexes, Dictionary<int, string> Names) Parse(
        ElfData d, IReadOnlyList<ElfSection> sections, ElfSection dynsym, int symbolCount, List<ElfProblem> problems)
    {
        var names = new Dictionary<int, string>();
        var versym = sections.FirstOrDefault(s => s.Type == ElfSection.ShtGnuVerSym && s.Link == dynsym.Index && s.HasFileData);
        if (versym is null)
        {
            return (null, names);
        }

        const string What = "symbol version table";
        var count = (int)Math.Min((ulong)symbolCount, versym.Size / 2);
        d.Slice(versym.Offset, (ulong)count * 2, What);
        var indexes = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = d.U16(versym.Offset + ((ulong)i * 2), What);
        }

        foreach (var s in sections.Where(s => s.HasFileData && s.Type is ElfSection.ShtGnuVerNeed or ElfSection.ShtGnuVerDef))
        {
            if (s.Link >= sections.Count)
            {
                continue;
            }

            var strings = sections[(int)s.Link];
            if (s.Type == ElfSection.ShtGnuVerNeed)
            {
                ReadNeeded(d, s, strings, names, problems);
            }
            else
            {
                ReadDefined(d, s, strings, names, problems);
            }
        }

        return (indexes, names);
    }

    private static void ReadNeeded(ElfData d, ElfSection s, ElfSection strings, Dictionary<int, string> names, List<ElfProblem> problems)
    {
        const string What = "versions-needed table";
        var bound = s.Size / 16;
        ulong o = s.Offset, steps = 0;
        for (var entries = 1U; ; entries++)
        {
            if (steps++ >= bound || !Inside(d, s, o, 16))
            {
                problems.Add(Broken(What, s, o));
                return;
            }

            var count = d.U16(o + 2, What);
            var aux = o + d.U32(o + 8, What);
            for (var j = 0; j < count; j++)
            {
                if (steps++ >= bound || !Inside(d, s, aux, 16))
                {
                    problems.Add(Broken(What, s, aux));
                    return;
                }

                var index = d.U16(aux + 6, What) & 0x7fff;
                var name = d.CString(strings.Offset, strings.Size, d.U32(aux + 8, What));
                if (name is not null)
                {
                    names[index] = name;
                }

                var nextAux = d.U32(aux + 12, What);
                if (nextAux == 0)
                {
                    break;
                }

                aux += nextAux;
            }

            var next = d.U32(o + 12, What);
            if (next == 0)
            {
                EndsEarly(What, s, entries, problems);
                return;
            }

            o += next;
        }
    }

    private static void ReadDefined(ElfData d, ElfSection s, ElfSection strings, Dictionary<int, string> names, List<ElfProblem> problems)
    {
        const string What = "versions-defined table";
        var bound = s.Size / 20;
        ulong o = s.Offset, steps = 0;
        for (var entries = 1U; ; entries++)
        {
            if (steps++ >= bound || !Inside(d, s, o, 20))
            {
                problems.Add(Broken(What, s, o));
                return;
            }

            var index = d.U16(o + 4, What) & 0x7fff;
            var aux = o + d.U32(o + 12, What);
            if (d.Fits(aux, 8) && d.CString(strings.Offset, strings.Size, d.U32(aux, What)) is { } name)
            {
                names.TryAdd(index, name);
            }

            var next = d.U32(o + 16, What);
            if (next == 0)
            {
                EndsEarly(What, s, entries, problems);
                return;
            }

            o += next;
        }
    }

    private static bool Inside(ElfData d, ElfSection s, ulong offset, ulong length) =>
        d.Fits(offset, length) && offset + length <= s.Offset + s.Size;

    /// <summary>A chain that ends (next = 0) before the sh_info entries its section declares, as readelf's "Missing Version Needs information".</summary>
    private static void EndsEarly(string what, ElfSection s, uint entries, List<ElfProblem> problems)
    {
        if (entries < s.Info)
        {
            problems.Add(new("symbol versions", $"{what} {s.Name}: its chain of entries ends after {entries} of the {s.Info} entries sh_info declares"));
        }
    }

    private static ElfProblem Broken(string what, ElfSection s, ulong offset) =>
        new("symbol versions", $"{what} {s.Name}: its chain of entries leaves the section or does not end (entry at offset 0x{offset:x}); later versions were not read");
}

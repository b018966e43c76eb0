using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Elf.Tests.Readelf;

/// <summary>One field where our reader and readelf disagree.</summary>
internal sealed record Mismatch(string File, string Field, string Ours, string Readelf)
{
    public override string ToString() => $"{File}: {Field}: ours {Ours} vs readelf {Readelf}";
}

/// <summary>
/// Compares one parsed file with readelf's report: header, every program header, every section header, every
/// dynamic entry (tag and value, strings as text), symbol table sizes, interpreter, build ID and GNU property
/// feature bits, and that we record no problem in a file readelf reads without a word.
/// </summary>
internal static class ReadelfComparer
{
    private static readonly string[] X86FeatureNames = ["IBT", "SHSTK", "LAM_U48", "LAM_U57"];

    private static readonly string[] AArch64FeatureNames = ["BTI", "PAC", "GCS"];

    /// <summary>Parses <paramref name="bytes"/> and compares; a file we reject must be one readelf rejects too.</summary>
    public static List<Mismatch> Compare(string file, ReadOnlyMemory<byte> bytes, ReadelfReport readelf)
    {
        ElfFile elf;
        try
        {
            elf = ElfFile.Parse(bytes);
        }
        catch (ElfFormatException e)
        {
            return readelf.Header.ContainsKey("Class")
                ? [new Mismatch(file, "parse", $"rejected the file ({e.Message})", "read its header")]
                : [];
        }

        return Compare(file, elf, readelf);
    }

    public static List<Mismatch> Compare(string file, ElfFile elf, ReadelfReport r)
    {
        var found = new List<Mismatch>();

        void Check<T>(string field, T ours, T theirs)
        {
            if (!EqualityComparer<T>.Default.Equals(ours, theirs))
            {
                found.Add(new Mismatch(file, field, Show(ours), Show(theirs)));
            }
        }

        found.AddRange(r.Unparsed.Select(line => new Mismatch(file, "readelf output", "-", $"has a line the test does not understand: '{line}'")));
        if (!r.Header.TryGetValue("Class", out var elfClass))
        {
            found.Add(new Mismatch(file, "parse", "read the header", $"printed no ELF header ({r.Errors.Trim()})"));
            return found;
        }

        Check("class", ReadelfNames.Class(elf), elfClass);
        Check("data encoding", ReadelfNames.Data(elf), r.Header.GetValueOrDefault("Data"));
        Check("type", ReadelfNames.Type(elf), r.Header.GetValueOrDefault("Type"));
        Check("machine", ReadelfNames.Machine(elf.Header.Machine), r.Header.GetValueOrDefault("Machine"));
        Check("entry point", (ulong?)elf.Header.Entry, r.HeaderNumber("Entry point address"));
        Check("e_phnum", (ulong?)elf.Header.ProgramHeaderCount, r.HeaderNumber("Number of program headers"));
        Check("e_shnum", (ulong?)elf.Header.SectionHeaderCount, r.HeaderNumber("Number of section headers"));
        Check("e_shstrndx", (ulong?)elf.Header.SectionNameTableIndex, r.HeaderNumber("Section header string table index"));

        CompareSegments(elf, r, Check<object?>);
        Check("interpreter", elf.Interpreter, r.Interpreter);
        CompareSections(file, elf, r, found, Check<object?>);
        CompareDynamic(file, elf, r, found, Check<object?>);
        Check(".dynsym entries", (ulong)elf.DynamicSymbols.Count, SymbolTableCount(r, "DYNSYM"));
        Check(".symtab entries", (ulong)elf.Symbols.Count, SymbolTableCount(r, "SYMTAB"));
        Check("build ID", elf.BuildId, r.BuildIds.FirstOrDefault());
        Check("x86 feature_1_and", elf.GnuProperties.X86Features, Features(r.X86Features, X86FeatureNames));
        Check("AArch64 feature_1_and", elf.GnuProperties.AArch64Features, Features(r.AArch64Features, AArch64FeatureNames));
        if (elf.Problems.Count > 0 && r.Errors.Trim().Length == 0)
        {
            found.Add(new Mismatch(file, "problems", string.Join("; ", elf.Problems), "reported no warning or error"));
        }

        return found;
    }

    private static void CompareSegments(ElfFile elf, ReadelfReport r, Action<string, object?, object?> check)
    {
        check("program header count", elf.Segments.Count, r.Segments.Count);
        foreach (var (ours, theirs, i) in elf.Segments.Zip(r.Segments).Select((p, i) => (p.First, p.Second, i)))
        {
            var at = $"program header {i} ";
            // readelf prints this column as %-14.14s, even with -W.
            check(at + "type", ReadelfNames.SegmentType(elf, ours.Type) is var type && type.Length > 14 ? type[..14] : type, theirs.Type);
            check(at + "offset", ours.Offset, theirs.Offset);
            check(at + "vaddr", ours.VirtualAddress, theirs.VirtualAddress);
            check(at + "paddr", ours.PhysicalAddress, theirs.PhysicalAddress);
            check(at + "filesz", ours.FileSize, theirs.FileSize);
            check(at + "memsz", ours.MemorySize, theirs.MemorySize);
            check(at + "flags", ours.FlagString, theirs.Flags);
            check(at + "align", ours.Align, theirs.Align);
        }
    }

    private static void CompareSections(string file, ElfFile elf, ReadelfReport r, List<Mismatch> found, Action<string, object?, object?> check)
    {
        check("section header count", elf.Sections.Count, r.Sections.Count);
        foreach (var (ours, theirs) in elf.Sections.Zip(r.Sections))
        {
            var at = $"section [{ours.Index}] ";
            check(at + "index", ours.Index, theirs.Index);
            var type = ReadelfNames.SectionType(elf, ours.Type);
            var text = theirs.NameAndType.Trim();
            if (text != type && !text.EndsWith(" " + type, StringComparison.Ordinal))
            {
                found.Add(new Mismatch(file, at + "name and type", $"'{Printable(ours.Name)}' {type}", $"'{text}'"));
            }
            else
            {
                check(at + "name", Printable(ours.Name), text[..^type.Length].TrimEnd());
            }

            check(at + "address", ours.Address, theirs.Address);
            check(at + "offset", ours.Offset, theirs.Offset);
            check(at + "size", ours.Size, theirs.Size);
            check(at + "entsize", ours.EntrySize, theirs.EntrySize);
            check(at + "link", ours.Link, theirs.Link);
            check(at + "info", ours.Info, theirs.Info);
            check(at + "align", ours.AddressAlign, theirs.Align);
        }
    }

    private static void CompareDynamic(string file, ElfFile elf, ReadelfReport r, List<Mismatch> found, Action<string, object?, object?> check)
    {
        check("dynamic entry count", elf.Dynamic.Count, r.DynamicDeclaredCount ?? 0);
        check("dynamic rows", elf.Dynamic.Count, r.Dynamic.Count);
        foreach (var (ours, theirs, i) in elf.Dynamic.Zip(r.Dynamic).Select((p, i) => (p.First, p.Second, i)))
        {
            var at = $"dynamic entry {i} ";
            var tag = elf.Is64 ? (ulong)ours.Tag : (uint)ours.Tag;
            check(at + "tag", Hex(tag), Hex(theirs.Tag));
            if (tag != theirs.Tag)
            {
                continue;
            }

            var value = ReadelfDynamicValue.Parse(elf.Header.Machine, ours.Tag, theirs.Value);
            if (value.Error is not null)
            {
                found.Add(new Mismatch(file, at + $"({theirs.TypeName}) value", Hex(ours.Value), value.Error));
            }
            else if (value.Text is not null)
            {
                check(at + $"({theirs.TypeName}) text", ours.Text, value.Text);
            }
            else if (value.Number is { } number)
            {
                check(at + $"({theirs.TypeName}) value", Hex(ours.Value), Hex(number));
                if (ElfDynamicTags.HasStringValue(ours.Tag))
                {
                    check(at + $"({theirs.TypeName}) text", ours.Text, null);
                }
            }
        }
    }

    /// <summary>Entries of the first symbol table readelf listed whose section has the given type (0 when none).</summary>
    private static ulong SymbolTableCount(ReadelfReport r, string type)
    {
        foreach (var (section, count) in r.SymbolTables)
        {
            if (r.Sections.Any(s => s.NameAndType.Trim() is var t && t.StartsWith(section + " ", StringComparison.Ordinal) && t.EndsWith(" " + type, StringComparison.Ordinal)))
            {
                return count;
            }
        }

        return 0;
    }

    /// <summary>The union of the feature bits readelf named, or null when it printed no such property.</summary>
    private static uint? Features(List<string> lines, string[] names)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        uint bits = 0;
        // readelf lists the properties of a note on one line, comma-separated like the feature names: the list of
        // names ends where the next property ("x86 ISA needed: ...") begins.
        foreach (var word in lines.SelectMany(l => l.Split(", ").TakeWhile(w => !w.Contains(": ", StringComparison.Ordinal) || w.StartsWith("<unknown: ", StringComparison.Ordinal))))
        {
            var bit = Array.IndexOf(names, word.Trim());
            bits |= bit >= 0 ? 1u << bit
                : word.StartsWith("<unknown: ", StringComparison.Ordinal) ? uint.Parse(word.Trim()[10..^1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                : word.Trim() == "<None>" ? 0u
                : throw new InvalidOperationException($"feature name '{word}' is not one the test knows");
        }

        return bits;
    }

    /// <summary>A name as readelf's print_symbol shows it: control characters as ^X.</summary>
    private static string Printable(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            _ = c < 0x20 ? sb.Append('^').Append((char)(c + 0x40)) : c == 0x7f ? sb.Append("^?") : sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Hex(ulong value) => string.Create(CultureInfo.InvariantCulture, $"0x{value:x}");

    private static string Show<T>(T value) => value switch
    {
        null => "(none)",
        string s => $"'{s}'",
        ulong u => string.Create(CultureInfo.InvariantCulture, $"{u} (0x{u:x})"),
        uint u => string.Create(CultureInfo.InvariantCulture, $"{u} (0x{u:x})"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

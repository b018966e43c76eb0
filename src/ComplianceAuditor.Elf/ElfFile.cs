using System.Text;
using ComplianceAuditor.Elf.Parsing;

namespace ComplianceAuditor.Elf;

/// <summary>
/// A parsed ELF file of any class, byte order and machine. Only the header is required: every other part (program
/// headers, sections, dynamic section, symbols, notes) is read independently, and a defect in one is recorded in
/// <see cref="Problems"/> while the rest is still read. Nothing here copies the file; parts refer to its bytes.
/// </summary>
public sealed class ElfFile
{
    private SymbolTable? _dynamicTable;
    private SymbolTable? _symbolTable;
    private readonly Lazy<IReadOnlyList<ElfSymbol>> _dynamicSymbols;
    private readonly Lazy<IReadOnlyList<ElfSymbol>> _symbols;
    private readonly Lazy<IReadOnlyList<ElfSymbol>> _imports;

    private ElfFile(ReadOnlyMemory<byte> bytes, ElfHeader header)
    {
        Bytes = bytes;
        Header = header;
        _dynamicSymbols = new(() => _dynamicTable?.ReadAll() ?? []);
        _symbols = new(() => _symbolTable?.ReadAll() ?? []);
        _imports = new(() => (HasDynamicSymbols ? _dynamicTable : _symbolTable)?.ReadImports() ?? []);
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    public ElfHeader Header { get; }

    public IReadOnlyList<ElfSegment> Segments { get; private set; } = [];

    public IReadOnlyList<ElfSection> Sections { get; private set; } = [];

    public IReadOnlyList<ElfDynamicEntry> Dynamic { get; private set; } = [];

    /// <summary>Every entry of <c>.dynsym</c>, made on first use; see <see cref="Imports"/> for the cheap subset.</summary>
    public IReadOnlyList<ElfSymbol> DynamicSymbols => _dynamicSymbols.Value;

    /// <summary>Every entry of <c>.symtab</c>, made on first use.</summary>
    public IReadOnlyList<ElfSymbol> Symbols => _symbols.Value;

    /// <summary>Entries of <c>.dynsym</c>, the null symbol included, counted without reading them.</summary>
    public int DynamicSymbolCount => _dynamicTable?.Count ?? 0;

    /// <summary>Entries of <c>.symtab</c>, counted without reading them.</summary>
    public int SymbolCount => _symbolTable?.Count ?? 0;

    public IReadOnlyList<ElfNote> Notes { get; private set; } = [];

    public ElfGnuProperties GnuProperties { get; private set; } = new();

    public string? Interpreter { get; private set; }

    public IReadOnlyList<string> Comments { get; private set; } = [];

    public IReadOnlyList<ElfProblem> Problems { get; private set; } = [];

    /// <summary>Parses <paramref name="bytes"/>; throws <see cref="ElfFormatException"/> when even the header is unusable.</summary>
    public static ElfFile Parse(ReadOnlyMemory<byte> bytes)
    {
        var (header, data) = HeaderParser.Parse(bytes);
        var file = new ElfFile(bytes, header);
        var problems = new List<ElfProblem>();
        file.Segments = Try(problems, "program headers", () => SegmentParser.Parse(header, data)) ?? [];
        file.Sections = Try(problems, "section headers", () => SectionParser.Parse(header, data, problems)) ?? [];
        file.Dynamic = Try(problems, "dynamic section", () => DynamicParser.Parse(data, file.Sections, file.Segments, problems)) ?? [];
        file._dynamicTable = PrepareSymbols(data, file.Sections, ElfSection.ShtDynSym, problems);
        file._symbolTable = PrepareSymbols(data, file.Sections, ElfSection.ShtSymTab, problems);
        file.Notes = Try(problems, "notes", () => NoteParser.Parse(data, file.Sections, file.Segments, problems)) ?? [];
        file.GnuProperties = Try(problems, "GNU properties", () => NoteParser.ParseGnuProperties(data, file.Notes)) ?? new();
        file.Interpreter = Try(problems, "interpreter", () => ReadInterpreter(data, file.Segments));
        file.Comments = Try(problems, "comment section", () => ReadComments(data, file.Sections)) ?? [];
        file.Problems = problems;
        return file;
    }

    public bool Is64 => Header.Is64;

    public ElfKind Kind => Header.Type switch
    {
        (ushort)ElfType.Relocatable => HasSection(".modinfo") || HasSection(".gnu.linkonce.this_module") ? ElfKind.KernelModule : ElfKind.Relocatable,
        (ushort)ElfType.Executable => ElfKind.Executable,
        // DF_1_PIE is decisive when present. Without it (older linkers), a program has an interpreter and the
        // debugger hook executables get (DT_DEBUG, or DT_MIPS_RLD_MAP on MIPS) and no SONAME: libc.so.6 and PAM
        // modules carry an interpreter so they can print their version, yet they are libraries.
        (ushort)ElfType.SharedObject => (Flags1 & ElfDynamicTags.Df1Pie) != 0 || (Interpreter is not null && SoName is null && HasDebuggerHook)
            ? ElfKind.PositionIndependentExecutable
            : ElfKind.SharedLibrary,
        (ushort)ElfType.Core => ElfKind.Core,
        _ => ElfKind.Other,
    };

    public IEnumerable<string> Needed => DynamicStrings(ElfDynamicTags.Needed);

    /// <summary>
    /// True when the dynamic symbol table holds more than its null entry. A static-pie has a .dynsym with only the
    /// null symbol: it imports nothing, like any static file.
    /// </summary>
    public bool HasDynamicSymbols => DynamicSymbolCount > 1;

    /// <summary>DT_DEBUG (or MIPS's DT_MIPS_RLD_MAP / _REL): the slot the loader fills for debuggers, present in executables only.</summary>
    private bool HasDebuggerHook => Dynamic.Any(e => e.Tag is ElfDynamicTags.Debug or 0x70000016 or 0x70000035);

    public string? SoName => DynamicStrings(ElfDynamicTags.SoName).FirstOrDefault();

    public IReadOnlyList<string> RPath => SplitPaths(ElfDynamicTags.RPath);

    public IReadOnlyList<string> RunPath => SplitPaths(ElfDynamicTags.RunPath);

    /// <summary>DT_FLAGS, or 0 when absent.</summary>
    public ulong Flags => Dynamic.FirstOrDefault(e => e.Tag == ElfDynamicTags.Flags)?.Value ?? 0;

    /// <summary>DT_FLAGS_1, or 0 when absent.</summary>
    public ulong Flags1 => Dynamic.FirstOrDefault(e => e.Tag == ElfDynamicTags.Flags1)?.Value ?? 0;

    /// <summary>Symbols resolved at load time: DT_BIND_NOW, DF_BIND_NOW or DF_1_NOW.</summary>
    public bool BindNow => Dynamic.Any(e => e.Tag == ElfDynamicTags.BindNow)
        || (Flags & ElfDynamicTags.DfBindNow) != 0
        || (Flags1 & ElfDynamicTags.Df1Now) != 0;

    public string? BuildId => Notes.FirstOrDefault(n => n.Owner == "GNU" && n.Type == ElfNote.GnuBuildId) is { } note
        ? Convert.ToHexStringLower(note.Descriptor.Span)
        : null;

    /// <summary>Undefined symbols the file needs from elsewhere (dynamic ones, else the static table's).</summary>
    public IEnumerable<ElfSymbol> Imports => _imports.Value;

    public IEnumerable<ElfSymbol> Exports => (HasDynamicSymbols ? DynamicSymbols : Symbols).Where(s => s.IsExport);

    /// <summary>The first <c>.dynsym</c> entry named one of <paramref name="names"/>, found without reading the others.</summary>
    public ElfSymbol? FindDynamicSymbol(IReadOnlyCollection<string> names) => _dynamicTable?.FindFirst(names);

    public bool HasSection(string name) => Sections.Any(s => s.Name == name);

    public ElfSection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);

    /// <summary>The section's bytes; empty for NOBITS sections and for sections that do not fit in the file.</summary>
    public ReadOnlyMemory<byte> SectionData(ElfSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.HasFileData && section.Offset <= (ulong)Bytes.Length && section.Size <= (ulong)Bytes.Length - section.Offset
            ? Bytes.Slice((int)section.Offset, (int)section.Size)
            : ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>The section whose file range holds <paramref name="offset"/>, if any.</summary>
    public ElfSection? SectionAt(long offset) =>
        Sections.FirstOrDefault(s => s.HasFileData && (ulong)offset >= s.Offset && (ulong)offset - s.Offset < s.Size);

    private IEnumerable<string> DynamicStrings(long tag) => Dynamic.Where(e => e.Tag == tag && e.Text is not null).Select(e => e.Text!);

    /// <summary>The entries of RPATH or RUNPATH. A wholly empty string is ignored by the loader and yields none; an
    /// empty element inside a list (<c>/a::/b</c>) is kept, because the loader reads it as the current directory.</summary>
    private string[] SplitPaths(long tag) =>
        DynamicStrings(tag).Where(p => p.Length > 0).SelectMany(p => p.Split(':')).ToArray();

    private static SymbolTable? PrepareSymbols(ElfData data, IReadOnlyList<ElfSection> sections, uint type, List<ElfProblem> problems)
    {
        var table = sections.FirstOrDefault(s => s.Type == type && s.HasFileData);
        return table is null ? null : Try(problems, type == ElfSection.ShtDynSym ? "dynamic symbols" : "symbols", () => SymbolParser.Prepare(data, sections, table, problems));
    }

    private static string? ReadInterpreter(ElfData data, IReadOnlyList<ElfSegment> segments)
    {
        var interp = segments.FirstOrDefault(s => s.Type == ElfSegment.PtInterp);
        return interp is null ? null : data.CString(interp.Offset, interp.FileSize, 0, maxLength: 4096);
    }

    private static string[] ReadComments(ElfData data, IReadOnlyList<ElfSection> sections)
    {
        var comment = sections.FirstOrDefault(s => s.Name == ".comment" && s.HasFileData);
        if (comment is null)
        {
            return [];
        }

        var bytes = data.Slice(comment.Offset, Math.Min(comment.Size, 64 * 1024), ".comment section");
        return Encoding.UTF8.GetString(bytes).Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
    }

    private static T? Try<T>(List<ElfProblem> problems, string part, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ElfReadException e)
        {
            problems.Add(new ElfProblem(part, e.Message));
            return default;
        }
    }
}

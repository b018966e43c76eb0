using System.Text;

namespace ComplianceAuditor.Elf.Tests.Building;

/// <summary>
/// Builds small, valid ELF images in memory: either class, either byte order, with named sections, program headers
/// that cover sections, a dynamic section with its string table, dynamic symbols with GNU versions, notes and
/// <c>.comment</c>. Layout: file header, program headers, section contents in the order added, <c>.shstrtab</c>,
/// section headers. Every allocated section's address is <see cref="BaseAddress"/> plus its file offset, and one
/// PT_LOAD maps the whole file, so addresses in the dynamic section resolve the way a loader would resolve them.
/// </summary>
internal sealed partial class ElfBuilder(bool is64 = true, bool bigEndian = false)
{
    public const uint ShfWrite = 1;
    public const uint ShfAlloc = 2;
    public const uint ShfExec = 4;
    public const ushort VerFlgBase = 1;

    private readonly List<SectionSpec> _sections = [];
    private readonly List<SegmentSpec> _segments = [];
    private readonly StringTable _dynstr = new();
    private readonly StringTable _strtab = new();

    public bool Is64 { get; } = is64;

    public bool BigEndian { get; } = bigEndian;

    public ushort Type { get; set; } = (ushort)ElfType.Executable;

    public ushort Machine { get; set; } = ElfMachines.X8664;

    public ulong Entry { get; set; }

    public byte OsAbi { get; set; }

    public uint HeaderFlags { get; set; }

    public ulong BaseAddress { get; set; } = 0x400000;

    /// <summary>Write e_shnum = 0 and the real count in section 0's sh_size.</summary>
    public bool ExtendedSectionCount { get; set; }

    /// <summary>Write e_shstrndx = SHN_XINDEX (0xffff) and the real index in section 0's sh_link.</summary>
    public bool ExtendedNameIndex { get; set; }

    /// <summary>Add a PT_LOAD covering the whole file in front of the other program headers (when there are any).</summary>
    public bool LoadWholeFile { get; set; } = true;

    public int WordSize => Is64 ? 8 : 4;

    public ElfBuilder Section(string name, uint type, byte[] data, ulong flags = 0, string? link = null, uint info = 0, ulong entrySize = 0, ulong align = 1) =>
        AddSection(new SectionSpec(name, type, flags, link, info, entrySize, align, _ => data));

    /// <summary>A program header covering the named section (or the whole file when <paramref name="section"/> is null).</summary>
    public ElfBuilder Segment(uint type, uint flags, string? section = null, ulong align = 0)
    {
        _segments.Add(new SegmentSpec(type, flags, section, align));
        return this;
    }

    public ElfBuilder Interpreter(string path)
    {
        Section(".interp", ElfSection.ShtProgBits, [.. Encoding.UTF8.GetBytes(path), 0], ShfAlloc);
        return Segment(ElfSegment.PtInterp, ElfSegment.FlagRead, ".interp", 1);
    }

    /// <summary>
    /// A dynamic section (and PT_DYNAMIC) holding <paramref name="entries"/> (values are numbers, or strings that go
    /// into <c>.dynstr</c>), followed by DT_STRTAB, DT_STRSZ, the symbol and version tags for the tables added by
    /// <see cref="DynamicSymbols"/> and, when <paramref name="terminate"/>, DT_NULL.
    /// </summary>
    public ElfBuilder Dynamic(IEnumerable<(long Tag, object Value)> entries, bool terminate = true)
    {
        var resolved = entries.Select(e => (e.Tag, Value: e.Value switch
        {
            string s => (ulong)_dynstr.Add(s),
            int i => (ulong)i,
            long l => (ulong)l,
            ulong u => u,
            uint u => u,
            _ => throw new ArgumentException($"unsupported dynamic value {e.Value}"),
        })).ToList();
        EnsureDynstr();
        AddSection(new SectionSpec(".dynamic", ElfSection.ShtDynamic, ShfAlloc | ShfWrite, ".dynstr", 0, (ulong)(2 * WordSize), (ulong)WordSize, r =>
        {
            var w = Writer();
            foreach (var (tag, value) in resolved)
            {
                w.Word((ulong)tag).Word(value);
            }

            w.Word(ElfDynamicTags.StrTab).Word(r.Address(".dynstr"));
            w.Word(10).Word((ulong)_dynstr.Length);
            if (r.Has(".dynsym"))
            {
                w.Word(6).Word(r.Address(".dynsym")).Word(11).Word(SymbolSize);
            }

            if (r.Has(".gnu.version"))
            {
                w.Word(0x6ffffff0).Word(r.Address(".gnu.version"));
            }

            if (r.Has(".gnu.version_r"))
            {
                w.Word(0x6ffffffe).Word(r.Address(".gnu.version_r")).Word(0x6fffffff).Word(r.Count(".gnu.version_r"));
            }

            if (r.Has(".gnu.version_d"))
            {
                w.Word(0x6ffffffc).Word(r.Address(".gnu.version_d")).Word(0x6ffffffd).Word(r.Count(".gnu.version_d"));
            }
            if (terminate)
            {
                w.Word(ElfDynamicTags.Null).Word(0);
            }

            return w.ToArray();
        }));
        return Segment(ElfSegment.PtDynamic, ElfSegment.FlagRead | ElfSegment.FlagWrite, ".dynamic", (ulong)WordSize);
    }

    public ElfBuilder Dynamic(params (long Tag, object Value)[] entries) => Dynamic(entries, terminate: true);

    /// <summary>A note section (and PT_NOTE) with one note, laid out as the gABI and readelf lay it out for <paramref name="align"/>.</summary>
    public ElfBuilder Note(string section, string owner, uint type, byte[] descriptor, int align = 4)
    {
        var w = Writer();
        var name = Encoding.ASCII.GetBytes(owner + "\0");
        w.U32((uint)name.Length).U32((uint)descriptor.Length).U32(type).Bytes(name).Align(align).Bytes(descriptor).Align(align);
        Section(section, ElfSection.ShtNote, w.ToArray(), ShfAlloc, align: (ulong)align);
        return Segment(ElfSegment.PtNote, ElfSegment.FlagRead, section, (ulong)align);
    }

    public ElfBuilder BuildId(byte[] id) => Note(".note.gnu.build-id", "GNU", ElfNote.GnuBuildId, id);

    /// <summary><c>.note.gnu.property</c> (8-byte aligned in ELF64, as the toolchain writes it) with 4-byte properties, plus PT_GNU_PROPERTY.</summary>
    public ElfBuilder GnuProperties(params (uint Type, uint Value)[] properties)
    {
        var w = Writer();
        foreach (var (type, value) in properties)
        {
            w.U32(type).U32(4).U32(value).Align(WordSize);
        }

        Note(".note.gnu.property", "GNU", ElfNote.GnuPropertyType0, w.ToArray(), WordSize);
        return Segment(ElfSegment.PtGnuProperty, ElfSegment.FlagRead, ".note.gnu.property", (ulong)WordSize);
    }

    public ElfBuilder Comment(params string[] lines)
    {
        var w = Writer();
        foreach (var line in lines)
        {
            w.CString(line);
        }

        return Section(".comment", ElfSection.ShtProgBits, w.ToArray(), 0x30, entrySize: 1);
    }

    public BuiltElf Build()
    {
        var ehsize = Is64 ? 64 : 52;
        var phentsize = Is64 ? 56 : 32;
        var shentsize = Is64 ? 64 : 40;
        var shstrtab = new StringTable();
        var all = new List<SectionSpec> { new("", ElfSection.ShtNull, 0, null, 0, 0, 0, _ => []) };
        all.AddRange(_sections);
        var nameOffsets = all.Select(s => s.Name.Length == 0 ? 0 : shstrtab.Add(s.Name)).ToList();
        nameOffsets.Add(shstrtab.Add(".shstrtab"));
        all.Add(new SectionSpec(".shstrtab", ElfSection.ShtStrTab, 0, null, 0, 0, 1, _ => shstrtab.ToArray()));
        var index = all.Select((s, i) => (s.Name, i)).Where(p => p.Name.Length > 0).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().i);
        var segments = _segments.Count > 0 && LoadWholeFile
            ? [new SegmentSpec(ElfSegment.PtLoad, ElfSegment.FlagRead | ElfSegment.FlagWrite | ElfSegment.FlagExecute, null, 0x1000), .. _segments]
            : _segments;

        (byte[][] Data, ulong[] Offsets, ulong ShOff) Lay(Resolver resolver)
        {
            var data = all.Select(s => s.Content(resolver)).ToArray();
            var offsets = new ulong[all.Count];
            var at = (ulong)(ehsize + (phentsize * segments.Count));
            for (var i = 1; i < all.Count; i++)
            {
                var align = Math.Max(all[i].Align, 1UL);
                at = (at + align - 1) / align * align;
                offsets[i] = at;
                at += (ulong)data[i].Length;
            }

            return (data, offsets, (at + 7) / 8 * 8);
        }

        var (_, firstOffsets, _) = Lay(new Resolver(_ => 0, index, all));
        var (data, offsets, shoff) = Lay(new Resolver(
            name => (all[index[name]].Flags & ShfAlloc) != 0 ? BaseAddress + firstOffsets[index[name]] : 0, index, all));
        if (!offsets.SequenceEqual(firstOffsets))
        {
            throw new InvalidOperationException("section sizes changed between layout passes");
        }

        var fileLength = shoff + (ulong)(shentsize * all.Count);
        var shstrndx = (uint)(all.Count - 1);
        var w = Writer();
        w.Bytes([0x7f, (byte)'E', (byte)'L', (byte)'F', (byte)(Is64 ? 2 : 1), (byte)(BigEndian ? 2 : 1), 1, OsAbi]).Zeros(8);
        w.U16(Type).U16(Machine).U32(1).Word(Entry).Word(segments.Count > 0 ? (ulong)ehsize : 0).Word(shoff).U32(HeaderFlags);
        w.U16((ushort)ehsize).U16((ushort)phentsize).U16((ushort)segments.Count).U16((ushort)shentsize);
        w.U16(ExtendedSectionCount ? (ushort)0 : (ushort)all.Count).U16(ExtendedNameIndex ? (ushort)0xffff : (ushort)shstrndx);
        foreach (var s in segments)
        {
            var (offset, size) = s.Section is null ? (0UL, fileLength) : (offsets[index[s.Section]], (ulong)data[index[s.Section]].Length);
            var address = BaseAddress + offset;
            var align = s.Align != 0 ? s.Align : 1;
            if (Is64)
            {
                w.U32(s.Type).U32(s.Flags).U64(offset).U64(address).U64(address).U64(size).U64(size).U64(align);
            }
            else
            {
                w.U32(s.Type).U32((uint)offset).U32((uint)address).U32((uint)address).U32((uint)size).U32((uint)size).U32(s.Flags).U32((uint)align);
            }
        }

        for (var i = 1; i < all.Count; i++)
        {
            w.Zeros((int)offsets[i] - w.Length).Bytes(data[i]);
        }

        w.Zeros((int)shoff - w.Length);
        var sections = new Dictionary<string, BuiltSection>();
        for (var i = 0; i < all.Count; i++)
        {
            var s = all[i];
            var address = (s.Flags & ShfAlloc) != 0 ? BaseAddress + offsets[i] : 0;
            var size = i == 0 && ExtendedSectionCount ? (ulong)all.Count : (ulong)data[i].Length;
            var link = i == 0 && ExtendedNameIndex ? shstrndx : s.Link is null ? 0u : (uint)index[s.Link];
            w.U32((uint)nameOffsets[i]).U32(s.Type).Word(s.Flags).Word(address).Word(offsets[i]).Word(size)
                .U32(link).U32(s.Info).Word(s.Align).Word(s.EntrySize);
            if (i > 0)
            {
                sections.TryAdd(s.Name, new BuiltSection(i, offsets[i], (ulong)data[i].Length, shoff + (ulong)(i * shentsize)));
            }
        }

        return new BuiltElf(w.ToArray(), Is64, BigEndian, sections, segments.Count);
    }

    private ulong SymbolSize => Is64 ? 24UL : 16UL;

    private ElfWriter Writer() => new(Is64, BigEndian);

    private ElfBuilder AddSection(SectionSpec section)
    {
        _sections.Add(section);
        return this;
    }

    private void EnsureDynstr()
    {
        if (!_sections.Any(s => s.Name == ".dynstr"))
        {
            AddSection(new SectionSpec(".dynstr", ElfSection.ShtStrTab, ShfAlloc, null, 0, 0, 1, _ => _dynstr.ToArray()));
        }
    }

    private sealed record SectionSpec(string Name, uint Type, ulong Flags, string? Link, uint Info, ulong EntrySize, ulong Align, Func<Resolver, byte[]> Content);

    private sealed record SegmentSpec(uint Type, uint Flags, string? Section, ulong Align);

    private sealed class Resolver(Func<string, ulong> address, Dictionary<string, int> index, List<SectionSpec> sections)
    {
        public ulong Address(string section) => address(section);

        public int Index(string section) => index[section];

        public bool Has(string section) => index.ContainsKey(section);

        /// <summary>sh_info of the section (the entry count of version tables).</summary>
        public ulong Count(string section) => sections[index[section]].Info;
    }
}

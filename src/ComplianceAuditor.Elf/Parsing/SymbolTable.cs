using System.Text;

namespace ComplianceAuditor.Elf.Parsing;

/// <summary>
/// A symbol table already checked against the file (<see cref="SymbolParser.Prepare"/>): every entry lies inside it,
/// so reading entries cannot fail. Symbols are made on demand, all of them or only those a caller needs.
/// </summary>
internal sealed class SymbolTable(
    ElfData d,
    IReadOnlyList<ElfSection> sections,
    ulong offset,
    ulong entrySize,
    int count,
    ElfSection? strings,
    ushort[]? versions,
    Dictionary<int, string> versionNames)
{
    public int Count => count;

    public IReadOnlyList<ElfSymbol> ReadAll()
    {
        var symbols = new ElfSymbol[count];
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = ReadOne(i);
        }

        return symbols;
    }

    /// <summary>The undefined, named entries other than the null symbol, without making the defined ones.</summary>
    public IReadOnlyList<ElfSymbol> ReadImports()
    {
        var imports = new List<ElfSymbol>();
        for (var i = 1; i < count; i++)
        {
            if (SectionIndexOf(Entry(i)) == ElfSymbol.ShnUndef && !NameBytes(Entry(i)).IsEmpty)
            {
                imports.Add(ReadOne(i));
            }
        }

        return imports;
    }

    /// <summary>The first entry whose name is one of <paramref name="names"/>, compared as bytes, or null.</summary>
    public ElfSymbol? FindFirst(IReadOnlyCollection<string> names)
    {
        var wanted = names.Select(n => Encoding.UTF8.GetBytes(n)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var name = NameBytes(Entry(i));
            foreach (var candidate in wanted)
            {
                if (name.SequenceEqual(candidate))
                {
                    return ReadOne(i);
                }
            }
        }

        return null;
    }

    private int FieldsSize => d.Is64 ? 24 : 16;

    private ReadOnlySpan<byte> Entry(int index) => d.Bytes.Span.Slice((int)(offset + ((ulong)index * entrySize)), FieldsSize);

    private ReadOnlySpan<byte> Names => strings is null ? [] : d.Bytes.Span.Slice((int)strings.Offset, (int)strings.Size);

    // Elf64_Sym: name, info, other, shndx, value, size. Elf32_Sym: name, value, size, info, other, shndx.
    private ushort SectionIndexOf(ReadOnlySpan<byte> e) => d.U16(e, d.Is64 ? 6 : 14);

    /// <summary>The name's bytes as <see cref="ElfData.CString(ReadOnlySpan{byte}, ulong, int)"/> reads them.</summary>
    private ReadOnlySpan<byte> NameBytes(ReadOnlySpan<byte> e)
    {
        var names = Names;
        var start = d.U32(e, 0);
        if (start >= (uint)names.Length)
        {
            return [];
        }

        var rest = names.Slice((int)start, Math.Min(4096, names.Length - (int)start));
        var end = rest.IndexOf((byte)0);
        return end < 0 ? rest : rest[..end];
    }

    private ElfSymbol ReadOne(int index)
    {
        var e = Entry(index);
        var (info, other, shndx, value, size) = d.Is64
            ? (e[4], e[5], d.U16(e, 6), d.U64(e, 8), d.U64(e, 16))
            : (e[12], e[13], d.U16(e, 14), (ulong)d.U32(e, 4), (ulong)d.U32(e, 8));
        var version = versions is not null && index < versions.Length && versions[index] > 1 ? versions[index] : (ushort)0;
        var names = Names;
        return new ElfSymbol
        {
            Index = index,
            Name = names.IsEmpty ? "" : ElfData.CString(names, d.U32(e, 0)) ?? "",
            Value = value,
            Size = size,
            Type = (byte)(info & 0xf),
            Binding = (byte)(info >> 4),
            Visibility = (byte)(other & 0x3),
            SectionIndex = shndx,
            SectionName = shndx is > ElfSymbol.ShnUndef and < 0xff00 && shndx < sections.Count ? sections[shndx].Name : null,
            Version = version == 0 ? null : versionNames.GetValueOrDefault(version & 0x7fff),
            VersionHidden = (version & 0x8000) != 0,
        };
    }
}

using System.Text;

namespace ComplianceAuditor.Elf.Tests.Building;

/// <summary>The symbol tables, symbol versions and the SysV hash they use.</summary>
internal sealed partial class ElfBuilder
{
    /// <summary><c>.dynsym</c> (after the null symbol), <c>.gnu.version</c> and, when given, <c>.gnu.version_r</c> and <c>.gnu.version_d</c>.</summary>
    public ElfBuilder DynamicSymbols(IReadOnlyList<SymbolSpec> symbols, IReadOnlyList<VersionNeed>? needs = null, IReadOnlyList<VersionDef>? defs = null)
    {
        EnsureDynstr();
        var names = symbols.Select(s => _dynstr.Add(s.Name)).ToArray();
        AddSection(new SectionSpec(".dynsym", ElfSection.ShtDynSym, ShfAlloc, ".dynstr", 1, SymbolSize, (ulong)WordSize,
            r => SymbolTable(symbols, names, r)));
        AddSection(new SectionSpec(".gnu.version", ElfSection.ShtGnuVerSym, ShfAlloc, ".dynsym", 0, 2, 2, _ =>
        {
            var w = Writer().U16(0);
            foreach (var s in symbols)
            {
                w.U16(s.VersionIndex);
            }

            return w.ToArray();
        }));
        if (needs is { Count: > 0 })
        {
            var files = needs.Select(n => (File: _dynstr.Add(n.File), Versions: n.Versions.Select(v => (Name: _dynstr.Add(v.Name), v.Index, Hash: ElfHash(v.Name))).ToArray())).ToArray();
            AddSection(new SectionSpec(".gnu.version_r", ElfSection.ShtGnuVerNeed, ShfAlloc, ".dynstr", (uint)needs.Count, 0, 4, _ =>
            {
                var w = Writer();
                for (var i = 0; i < files.Length; i++)
                {
                    var (file, versions) = files[i];
                    var next = i == files.Length - 1 ? 0u : (uint)(16 + (16 * versions.Length));
                    w.U16(1).U16((ushort)versions.Length).U32((uint)file).U32(16).U32(next);
                    for (var j = 0; j < versions.Length; j++)
                    {
                        w.U32(versions[j].Hash).U16(0).U16(versions[j].Index).U32((uint)versions[j].Name).U32(j == versions.Length - 1 ? 0u : 16u);
                    }
                }

                return w.ToArray();
            }));
        }

        if (defs is { Count: > 0 })
        {
            var entries = defs.Select(d => (d.Index, d.Flags, Name: _dynstr.Add(d.Name), Hash: ElfHash(d.Name))).ToArray();
            AddSection(new SectionSpec(".gnu.version_d", ElfSection.ShtGnuVerDef, ShfAlloc, ".dynstr", (uint)defs.Count, 0, 4, _ =>
            {
                var w = Writer();
                for (var i = 0; i < entries.Length; i++)
                {
                    var e = entries[i];
                    w.U16(1).U16(e.Flags).U16(e.Index).U16(1).U32(e.Hash).U32(20).U32(i == entries.Length - 1 ? 0u : 28u);
                    w.U32((uint)e.Name).U32(0);
                }

                return w.ToArray();
            }));
        }

        return this;
    }

    /// <summary><c>.symtab</c> and <c>.strtab</c> (after the null symbol).</summary>
    public ElfBuilder Symbols(IReadOnlyList<SymbolSpec> symbols)
    {
        var names = symbols.Select(s => _strtab.Add(s.Name)).ToArray();
        var locals = 1 + symbols.TakeWhile(s => s.Binding == ElfSymbol.StbLocal).Count();
        AddSection(new SectionSpec(".symtab", ElfSection.ShtSymTab, 0, ".strtab", (uint)locals, SymbolSize, (ulong)WordSize,
            r => SymbolTable(symbols, names, r)));
        return AddSection(new SectionSpec(".strtab", ElfSection.ShtStrTab, 0, null, 0, 0, 1, _ => _strtab.ToArray()));
    }

    /// <summary>The SysV ELF hash of a name (vna_hash, vd_hash).</summary>
    public static uint ElfHash(string name)
    {
        uint h = 0;
        foreach (var c in Encoding.UTF8.GetBytes(name))
        {
            h = (h << 4) + c;
            var g = h & 0xf0000000;
            if (g != 0)
            {
                h ^= g >> 24;
            }

            h &= ~g;
        }

        return h;
    }

    private byte[] SymbolTable(IReadOnlyList<SymbolSpec> symbols, int[] names, Resolver r)
    {
        var w = Writer().Zeros((int)SymbolSize);
        for (var i = 0; i < symbols.Count; i++)
        {
            var s = symbols[i];
            var shndx = s.Section switch
            {
                null => ElfSymbol.ShnUndef,
                "*ABS*" => ElfSymbol.ShnAbs,
                _ => (ushort)r.Index(s.Section),
            };
            var info = (byte)((s.Binding << 4) | s.Type);
            if (Is64)
            {
                w.U32((uint)names[i]).U8(info).U8(0).U16(shndx).U64(s.Value).U64(s.Size);
            }
            else
            {
                w.U32((uint)names[i]).U32((uint)s.Value).U32((uint)s.Size).U8(info).U8(0).U16(shndx);
            }
        }

        return w.ToArray();
    }
}

using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

public sealed class SymbolTests
{
    private static readonly SymbolSpec[] LibraryLike =
    [
        new("printf", VersionIndex: 2),
        new("memcpy", VersionIndex: 3),
        new("__cxa_finalize", Binding: ElfSymbol.StbWeak, Type: ElfSymbol.SttNoType, VersionIndex: 2),
        new("SSL_new", Section: ".text", Value: 0x1120, Size: 64, VersionIndex: 4),
        new("SSL_old_api", Section: ".text", Value: 0x1160, Size: 8, VersionIndex: 0x8005),
        new("ssl_weak_hook", Section: ".text", Binding: ElfSymbol.StbWeak, Value: 0x1170, VersionIndex: 1),
        new("local_helper", Section: ".text", Binding: ElfSymbol.StbLocal, Value: 0x1180),
        new("abs_marker", Section: "*ABS*", Type: ElfSymbol.SttObject, Value: 0x42, VersionIndex: 1),
    ];

    private static readonly VersionNeed[] Needs =
    [
        new("libc.so.6", ("GLIBC_2.2.5", 2), ("GLIBC_2.14", 3)),
    ];

    private static readonly VersionDef[] Defs =
    [
        new(1, "libssl.so.3", ElfBuilder.VerFlgBase),
        new(4, "OPENSSL_3.0.0"),
        new(5, "OPENSSL_1_1_0"),
    ];

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Dynamic_symbols_are_read_with_names_values_sections_and_bindings(bool is64, bool bigEndian)
    {
        var elf = Library(is64, bigEndian).Parse();

        Assert.Equal(LibraryLike.Length + 1, elf.DynamicSymbols.Count);
        Assert.Equal(["", .. LibraryLike.Select(s => s.Name)], elf.DynamicSymbols.Select(s => s.Name));
        Assert.Equal(Enumerable.Range(0, LibraryLike.Length + 1), elf.DynamicSymbols.Select(s => s.Index));
        var ssl = elf.DynamicSymbols.Single(s => s.Name == "SSL_new");
        Assert.Equal(0x1120UL, ssl.Value);
        Assert.Equal(64UL, ssl.Size);
        Assert.Equal(ElfSymbol.SttFunc, ssl.Type);
        Assert.Equal(ElfSymbol.StbGlobal, ssl.Binding);
        Assert.Equal(".text", ssl.SectionName);
        Assert.Equal((ushort)elf.Section(".text")!.Index, ssl.SectionIndex);
        var abs = elf.DynamicSymbols.Single(s => s.Name == "abs_marker");
        Assert.Equal(ElfSymbol.ShnAbs, abs.SectionIndex);
        Assert.Null(abs.SectionName);
        Assert.Null(elf.DynamicSymbols.Single(s => s.Name == "printf").SectionName);
        Assert.True(elf.DynamicSymbols.Single(s => s.Name == "local_helper").IsLocal);
        Assert.Empty(elf.Problems);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Symbol_versions_come_from_version_needed_and_version_defined_tables(bool is64, bool bigEndian)
    {
        var elf = Library(is64, bigEndian).Parse();

        var versions = elf.DynamicSymbols.Skip(1).ToDictionary(s => s.Name, s => (s.Version, s.VersionHidden));
        Assert.Equal(("GLIBC_2.2.5", false), versions["printf"]);
        Assert.Equal(("GLIBC_2.14", false), versions["memcpy"]);
        Assert.Equal(("GLIBC_2.2.5", false), versions["__cxa_finalize"]);
        Assert.Equal(("OPENSSL_3.0.0", false), versions["SSL_new"]);
        Assert.Equal(("OPENSSL_1_1_0", true), versions["SSL_old_api"]);
        Assert.Equal((null, false), versions["ssl_weak_hook"]);
        Assert.Equal((null, false), versions["local_helper"]);
        Assert.Equal((null, false), versions["abs_marker"]);
    }

    [Fact]
    public void Imports_are_the_undefined_named_symbols_and_exports_the_defined_global_or_weak_ones()
    {
        var elf = Library(true, false).Parse();

        Assert.Equal(["printf", "memcpy", "__cxa_finalize"], elf.Imports.Select(s => s.Name));
        Assert.Equal(["SSL_new", "SSL_old_api", "ssl_weak_hook", "abs_marker"], elf.Exports.Select(s => s.Name));
        Assert.DoesNotContain(elf.DynamicSymbols[0], elf.Imports);
    }

    [Fact]
    public void Without_dynamic_symbols_imports_and_exports_come_from_the_static_symbol_table()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.Relocatable, BaseAddress = 0 }
            .Section(".text", ElfSection.ShtProgBits, new byte[32], ElfBuilder.ShfAlloc | ElfBuilder.ShfExec)
            .Symbols([
                new("main.c", Type: ElfSymbol.SttFile, Binding: ElfSymbol.StbLocal, Section: "*ABS*"),
                new("helper", Section: ".text", Binding: ElfSymbol.StbLocal),
                new("main", Section: ".text", Value: 0x10),
                new("puts"),
            ])
            .Build().Parse();

        Assert.Empty(elf.DynamicSymbols);
        Assert.Equal(5, elf.Symbols.Count);
        Assert.Equal(["puts"], elf.Imports.Select(s => s.Name));
        Assert.Equal(["main"], elf.Exports.Select(s => s.Name));
        Assert.All(elf.Symbols, s => Assert.Null(s.Version));
        Assert.Empty(elf.Problems);
    }

    [Fact]
    public void Static_and_dynamic_tables_are_read_side_by_side()
    {
        var built = new ElfBuilder { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Section(".text", ElfSection.ShtProgBits, new byte[16], ElfBuilder.ShfAlloc | ElfBuilder.ShfExec)
            .DynamicSymbols([new("exported", Section: ".text", VersionIndex: 1)])
            .Symbols([new("internal", Section: ".text", Binding: ElfSymbol.StbLocal), new("exported", Section: ".text")])
            .Dynamic((ElfDynamicTags.SoName, "libx.so"))
            .Build();

        var elf = built.Parse();

        Assert.Equal(["", "exported"], elf.DynamicSymbols.Select(s => s.Name));
        Assert.Equal(["", "internal", "exported"], elf.Symbols.Select(s => s.Name));
        Assert.Equal(["exported"], elf.Exports.Select(s => s.Name));
    }

    private static BuiltElf Library(bool is64, bool bigEndian) =>
        new ElfBuilder(is64, bigEndian) { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Section(".text", ElfSection.ShtProgBits, new byte[0x200], ElfBuilder.ShfAlloc | ElfBuilder.ShfExec, align: 16)
            .DynamicSymbols(LibraryLike, Needs, Defs)
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"), (ElfDynamicTags.SoName, "libssl.so.3"))
            .Build();
}

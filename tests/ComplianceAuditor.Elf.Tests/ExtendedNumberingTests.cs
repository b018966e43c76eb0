using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

public sealed class ExtendedNumberingTests
{
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void With_e_shnum_zero_the_section_count_is_section_0_sh_size(bool is64, bool bigEndian)
    {
        var built = new ElfBuilder(is64, bigEndian) { ExtendedSectionCount = true }.Interpreter("/lib/ld.so").Comment("GCC").Build();

        var elf = built.Parse();

        Assert.Equal(4U, elf.Header.SectionHeaderCount);
        Assert.Equal(["", ".interp", ".comment", ".shstrtab"], elf.Sections.Select(s => s.Name));
        Assert.Equal(4UL, elf.Sections[0].Size);
        Assert.Empty(elf.Problems);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void With_e_shstrndx_SHN_XINDEX_the_name_table_index_is_section_0_sh_link(bool is64, bool bigEndian)
    {
        var built = new ElfBuilder(is64, bigEndian) { ExtendedNameIndex = true }.Interpreter("/lib/ld.so").Build();

        var elf = built.Parse();

        Assert.Equal(2U, elf.Header.SectionNameTableIndex);
        Assert.Equal(["", ".interp", ".shstrtab"], elf.Sections.Select(s => s.Name));
        Assert.Empty(elf.Problems);
    }

    [Fact]
    public void Both_extensions_together_resolve_count_and_name_table()
    {
        var built = new ElfBuilder { ExtendedSectionCount = true, ExtendedNameIndex = true }
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"))
            .Build();

        var elf = built.Parse();

        Assert.Equal(4U, elf.Header.SectionHeaderCount);
        Assert.Equal(3U, elf.Header.SectionNameTableIndex);
        Assert.Equal(["", ".dynstr", ".dynamic", ".shstrtab"], elf.Sections.Select(s => s.Name));
        Assert.Equal(["libc.so.6"], elf.Needed);
        Assert.Empty(elf.Problems);
    }

    [Fact]
    public void With_e_phnum_PN_XNUM_the_program_header_count_is_section_0_sh_info()
    {
        var built = new ElfBuilder().Interpreter("/lib/ld.so").Build();
        built.U16(built.EPhNum, 0xffff).U32(built.Sections[".interp"].HeaderOffset - 64 + built.ShInfo, 2);

        var elf = built.Parse();

        Assert.Equal(2U, elf.Header.ProgramHeaderCount);
        Assert.Equal([ElfSegment.PtLoad, ElfSegment.PtInterp], elf.Segments.Select(s => s.Type));
        Assert.Equal("/lib/ld.so", elf.Interpreter);
    }
}

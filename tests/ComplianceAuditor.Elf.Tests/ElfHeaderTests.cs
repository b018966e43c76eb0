using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

public sealed class ElfHeaderTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Header_fields_are_read_in_every_class_and_byte_order(bool is64, bool bigEndian)
    {
        var builder = new ElfBuilder(is64, bigEndian)
        {
            Type = (ushort)ElfType.Executable,
            Machine = ElfMachines.Mips,
            Entry = 0x401234,
            OsAbi = 3,
            HeaderFlags = 0x70001007,
        };
        var built = builder.Interpreter("/lib/ld.so.1").Comment("GCC: test").Build();

        var elf = built.Parse();

        var h = elf.Header;
        Assert.Equal(is64 ? ElfClass.Elf64 : ElfClass.Elf32, h.Class);
        Assert.Equal(is64, elf.Is64);
        Assert.Equal(bigEndian, h.BigEndian);
        Assert.Equal((ushort)ElfType.Executable, h.Type);
        Assert.Equal(ElfMachines.Mips, h.Machine);
        Assert.Equal("MIPS", h.MachineName);
        Assert.Equal(0x401234UL, h.Entry);
        Assert.Equal(3, h.OsAbi);
        Assert.Equal(1U, h.Version);
        Assert.Equal(0x70001007U, h.Flags);
        Assert.Equal(is64 ? 64 : 52, h.HeaderSize);
        Assert.Equal(is64 ? 56 : 32, h.ProgramHeaderEntrySize);
        Assert.Equal(is64 ? 64 : 40, h.SectionHeaderEntrySize);
        Assert.Equal((ulong)(is64 ? 64 : 52), h.ProgramHeaderOffset);
        Assert.Equal(2U, h.ProgramHeaderCount);
        Assert.Equal(4U, h.SectionHeaderCount);
        Assert.Equal(3U, h.SectionNameTableIndex);
        Assert.Equal(".shstrtab", elf.Sections[(int)h.SectionNameTableIndex].Name);
        Assert.Empty(elf.Problems);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Program_headers_are_read_with_type_flags_offsets_and_sizes(bool is64, bool bigEndian)
    {
        var built = new ElfBuilder(is64, bigEndian).Interpreter("/lib/ld-musl-mips.so.1").Build();

        var elf = built.Parse();

        Assert.Collection(
            elf.Segments,
            load =>
            {
                Assert.Equal(ElfSegment.PtLoad, load.Type);
                Assert.Equal(0UL, load.Offset);
                Assert.Equal(0x400000UL, load.VirtualAddress);
                Assert.Equal((ulong)built.Bytes.Length, load.FileSize);
                Assert.Equal((ulong)built.Bytes.Length, load.MemorySize);
                Assert.Equal("RWE", load.FlagString);
                Assert.True(load.IsExecutable);
                Assert.True(load.IsWritable);
                Assert.Equal(0x1000UL, load.Align);
            },
            interp =>
            {
                Assert.Equal(ElfSegment.PtInterp, interp.Type);
                Assert.Equal(1, interp.Index);
                Assert.Equal(built[".interp"].Offset, interp.Offset);
                Assert.Equal(built[".interp"].Size, interp.FileSize);
                Assert.Equal(0x400000UL + built[".interp"].Offset, interp.VirtualAddress);
                Assert.Equal("R  ", interp.FlagString);
                Assert.False(interp.IsExecutable);
            });
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Section_headers_are_read_with_names_types_and_links(bool is64, bool bigEndian)
    {
        var built = new ElfBuilder(is64, bigEndian)
            .Section(".text", ElfSection.ShtProgBits, [0x90, 0x90, 0xc3], ElfBuilder.ShfAlloc | ElfBuilder.ShfExec, align: 16)
            .Section(".bss", ElfSection.ShtNoBits, [], ElfBuilder.ShfAlloc | ElfBuilder.ShfWrite)
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"))
            .Build();

        var elf = built.Parse();

        Assert.Equal(["", ".text", ".bss", ".dynstr", ".dynamic", ".shstrtab"], elf.Sections.Select(s => s.Name));
        Assert.Equal(Enumerable.Range(0, 6), elf.Sections.Select(s => s.Index));
        var text = elf.Section(".text")!;
        Assert.Equal(ElfSection.ShtProgBits, text.Type);
        Assert.Equal(ElfSection.FlagAlloc | ElfSection.FlagExecInstr, text.Flags);
        Assert.Equal(built[".text"].Offset, text.Offset);
        Assert.Equal(0x400000UL + built[".text"].Offset, text.Address);
        Assert.Equal(3UL, text.Size);
        Assert.Equal(16UL, text.AddressAlign);
        Assert.Equal([0x90, 0x90, 0xc3], elf.SectionData(text).ToArray());
        Assert.True(text.HasFileData);
        Assert.False(elf.Section(".bss")!.HasFileData);
        Assert.True(elf.SectionData(elf.Section(".bss")!).IsEmpty);
        var dynamic = elf.Section(".dynamic")!;
        Assert.Equal(ElfSection.ShtDynamic, dynamic.Type);
        Assert.Equal(".dynstr", elf.Sections[(int)dynamic.Link].Name);
        Assert.Equal((ulong)(is64 ? 16 : 8), dynamic.EntrySize);
        Assert.Same(text, elf.SectionAt((long)text.Offset + 2));
        Assert.Null(elf.SectionAt(0));
        Assert.True(elf.HasSection(".dynstr"));
        Assert.False(elf.HasSection(".data"));
    }

    [Theory]
    [InlineData(ElfMachines.X86, "x86")]
    [InlineData(ElfMachines.X8664, "x86-64")]
    [InlineData(ElfMachines.Arm, "ARM")]
    [InlineData(ElfMachines.AArch64, "AArch64")]
    [InlineData(ElfMachines.Mips, "MIPS")]
    [InlineData(ElfMachines.MipsRs3Le, "MIPS RS3000 LE")]
    [InlineData(ElfMachines.PowerPc, "PowerPC")]
    [InlineData(ElfMachines.PowerPc64, "PowerPC64")]
    [InlineData(ElfMachines.Sparc, "SPARC")]
    [InlineData(ElfMachines.SuperH, "SuperH")]
    [InlineData(ElfMachines.Xtensa, "Xtensa")]
    [InlineData(ElfMachines.RiscV, "RISC-V")]
    [InlineData(ElfMachines.LoongArch, "LoongArch")]
    [InlineData(ElfMachines.M68k, "m68k")]
    [InlineData(ElfMachines.S390, "S/390")]
    [InlineData(9999, "machine 9999")]
    public void Machine_numbers_have_readable_names(ushort machine, string name)
    {
        var elf = new ElfBuilder { Machine = machine }.Build().Parse();

        Assert.Equal(machine, elf.Header.Machine);
        Assert.Equal(name, elf.Header.MachineName);
    }

    [Fact]
    public void Mips_is_recognised_under_both_machine_numbers()
    {
        Assert.True(ElfMachines.IsMips(ElfMachines.Mips));
        Assert.True(ElfMachines.IsMips(ElfMachines.MipsRs3Le));
        Assert.False(ElfMachines.IsMips(ElfMachines.Arm));
    }

    [Fact]
    public void A_file_with_only_a_header_has_no_parts_and_no_problems()
    {
        var built = new ElfBuilder().Build();
        built.Word(built.EShOff, 0).U16(built.EShNum, 0).U16(built.EShStrNdx, 0).Truncate(64);

        var elf = built.Parse();

        Assert.Empty(elf.Segments);
        Assert.Empty(elf.Sections);
        Assert.Empty(elf.Dynamic);
        Assert.Empty(elf.Symbols);
        Assert.Empty(elf.Notes);
        Assert.Null(elf.Interpreter);
        Assert.Null(elf.BuildId);
        Assert.Empty(elf.Problems);
    }
}

using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

/// <summary>
/// A defect in one part of the file: Parse succeeds, records an ElfProblem naming that part, and still reads the
/// other parts.
/// </summary>
public sealed class PartDefectTests
{
    [Fact]
    public void A_program_header_table_past_the_end_is_a_problem_and_sections_are_still_read()
    {
        var built = Sample();
        built.Word(built.EPhOff, (ulong)built.Bytes.Length - 8);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("program headers", problem.Part);
        Assert.Contains("program header table", problem.Message, StringComparison.Ordinal);
        Assert.Contains("extends past the end of the file", problem.Message, StringComparison.Ordinal);
        Assert.Empty(elf.Segments);
        Assert.Null(elf.Interpreter);
        Assert.Contains(elf.Sections, s => s.Name == ".dynamic");
        Assert.Equal(["libc.so.6"], elf.Needed);
        Assert.Equal("GLIBC_2.2.5", elf.DynamicSymbols.Single(s => s.Name == "printf").Version);
        Assert.Equal("0123456789abcdef", elf.BuildId);
    }

    [Fact]
    public void A_section_header_table_past_the_end_is_a_problem_and_segments_are_still_read()
    {
        var built = Sample();
        built.Word(built.EShOff, (ulong)built.Bytes.Length + 0x1000);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("section headers", problem.Part);
        Assert.Contains("section header table", problem.Message, StringComparison.Ordinal);
        Assert.Contains("extends past the end of the file", problem.Message, StringComparison.Ordinal);
        Assert.Empty(elf.Sections);
        Assert.Equal("/lib/ld-musl-aarch64.so.1", elf.Interpreter);
        Assert.Equal(["libc.so.6"], elf.Needed);
        Assert.Equal("0123456789abcdef", elf.BuildId);
    }

    [Fact]
    public void An_absurd_section_count_in_a_small_file_is_a_problem_and_segments_are_still_read()
    {
        var built = Sample();
        built.U16(built.EShNum, 0xffff);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("section headers", problem.Part);
        Assert.Contains("65535 entries", problem.Message, StringComparison.Ordinal);
        Assert.Empty(elf.Sections);
        Assert.Equal("/lib/ld-musl-aarch64.so.1", elf.Interpreter);
        Assert.Equal(["libc.so.6"], elf.Needed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_section_header_entry_size_smaller_than_the_structure_is_a_problem(bool is64)
    {
        var built = Sample(is64);
        built.U16(built.EShEntSize, (ushort)(is64 ? 40 : 20));

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("section headers", problem.Part);
        Assert.Contains($"entry size {(is64 ? 40 : 20)} is smaller than the {(is64 ? 64 : 40)} bytes", problem.Message, StringComparison.Ordinal);
        Assert.Empty(elf.Sections);
        Assert.Equal(["libc.so.6"], elf.Needed);
    }

    [Fact]
    public void A_program_header_entry_size_smaller_than_the_structure_is_a_problem()
    {
        var built = Sample();
        built.U16(built.EPhEntSize, 32);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("program headers", problem.Part);
        Assert.Contains("entry size 32 is smaller than the 56 bytes", problem.Message, StringComparison.Ordinal);
        Assert.Contains(elf.Sections, s => s.Name == ".interp");
    }

    [Fact]
    public void A_section_name_offset_outside_the_name_table_is_a_problem_and_other_names_resolve()
    {
        var built = Sample();
        built.U32(built[".comment"].HeaderOffset + BuiltElf.ShName, 0x7fff_0000);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("section names", problem.Part);
        Assert.Contains("1 section name offset(s) point outside the section-name table", problem.Message, StringComparison.Ordinal);
        var broken = elf.Sections[built[".comment"].Index];
        Assert.Equal("", broken.Name);
        Assert.Equal(0x7fff_0000U, broken.NameOffset);
        Assert.Contains(elf.Sections, s => s.Name == ".dynsym");
        Assert.Empty(elf.Comments);
        Assert.Equal(["libc.so.6"], elf.Needed);
    }

    [Fact]
    public void A_section_name_table_index_out_of_range_is_a_problem_and_sections_are_still_read()
    {
        var built = Sample();
        built.U16(built.EShStrNdx, 200);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("section names", problem.Part);
        Assert.Contains("e_shstrndx 200", problem.Message, StringComparison.Ordinal);
        Assert.All(elf.Sections, s => Assert.Equal("", s.Name));
        Assert.Equal(["libc.so.6"], elf.Needed);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_dynamic_section_without_DT_NULL_whose_size_runs_past_the_end_is_read_up_to_the_end(bool is64, bool bigEndian)
    {
        var built = new ElfBuilder(is64, bigEndian)
            .Dynamic([(ElfDynamicTags.Needed, "libc.so.6"), (ElfDynamicTags.Flags, ElfDynamicTags.DfBindNow)], terminate: false)
            .Build();
        var dynamic = built[".dynamic"];
        built.Truncate((int)(dynamic.Offset + dynamic.Size));
        built.Word(built.EShOff, 0).U16(built.EShNum, 0).U16(built.EShStrNdx, 0);
        built.Word(built.ProgramHeader(1) + built.PFileSz, 0x10_0000);

        var elf = built.Parse();

        Assert.Collection(
            elf.Problems,
            p =>
            {
                Assert.Equal("dynamic section", p.Part);
                Assert.Contains("extends past the end of the file", p.Message, StringComparison.Ordinal);
            },
            p =>
            {
                Assert.Equal("dynamic section", p.Part);
                Assert.Contains("no DT_NULL", p.Message, StringComparison.Ordinal);
            });
        Assert.Equal([ElfDynamicTags.Needed, ElfDynamicTags.Flags, ElfDynamicTags.StrTab, 10L], elf.Dynamic.Select(e => e.Tag));
        Assert.Equal(["libc.so.6"], elf.Needed);
        Assert.True(elf.BindNow);
    }

    [Fact]
    public void A_dynamic_section_without_DT_NULL_inside_the_file_is_a_problem_but_its_entries_count()
    {
        var built = new ElfBuilder().Dynamic([(ElfDynamicTags.Needed, "libz.so.1")], terminate: false).Build();

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("dynamic section", problem.Part);
        Assert.Contains("no DT_NULL", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["libz.so.1"], elf.Needed);
    }

    [Fact]
    public void A_symbol_table_whose_string_table_link_points_nowhere_keeps_its_symbols_without_names()
    {
        var built = Sample();
        built.U32(built[".dynsym"].HeaderOffset + built.ShLink, 999);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("dynamic symbol table", problem.Part);
        Assert.Contains("string table is missing or out of range", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, elf.DynamicSymbols.Count);
        Assert.All(elf.DynamicSymbols, s => Assert.Equal("", s.Name));
        Assert.Equal("GLIBC_2.2.5", elf.DynamicSymbols[1].Version);
        Assert.Equal(["libc.so.6"], elf.Needed);
        Assert.Equal("/lib/ld-musl-aarch64.so.1", elf.Interpreter);
    }

    [Fact]
    public void A_symbol_table_past_the_end_of_the_file_is_a_problem_and_other_parts_are_read()
    {
        var built = Sample();
        built.Word(built[".dynsym"].HeaderOffset + built.ShSize, 100_000 * 24);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("dynamic symbols", problem.Part);
        Assert.Contains("extends past the end of the file", problem.Message, StringComparison.Ordinal);
        Assert.Empty(elf.DynamicSymbols);
        Assert.Equal(["libc.so.6"], elf.Needed);
    }

    [Fact]
    public void A_version_needed_entry_whose_vn_next_points_to_itself_is_read_once_with_a_problem()
    {
        var built = Sample(needs: [new("libc.so.6", ("GLIBC_2.2.5", 2), ("GLIBC_2.29", 3))]);
        built.U32(built[".gnu.version_r"].HeaderOffset + built.ShInfo, 1000);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("symbol versions", problem.Part);
        Assert.Contains("ends after 1 of the 1000 entries", problem.Message, StringComparison.Ordinal);
        Assert.Equal("GLIBC_2.2.5", elf.DynamicSymbols.Single(s => s.Name == "printf").Version);
        Assert.Equal("GLIBC_2.29", elf.DynamicSymbols.Single(s => s.Name == "pow").Version);
        Assert.Equal(["libc.so.6"], elf.Needed);
    }

    [Fact]
    public void A_version_needed_chain_that_loops_back_to_its_first_entry_ends_with_a_problem()
    {
        var built = Sample(needs: [new("libc.so.6", ("GLIBC_2.2.5", 2)), new("libm.so.6", ("GLIBC_2.29", 3))]);
        built.U32(built[".gnu.version_r"].Offset + 32 + 12, unchecked((uint)-32));

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("symbol versions", problem.Part);
        Assert.Contains("versions-needed table .gnu.version_r", problem.Message, StringComparison.Ordinal);
        Assert.Contains("leaves the section or does not end", problem.Message, StringComparison.Ordinal);
        Assert.Equal("GLIBC_2.2.5", elf.DynamicSymbols.Single(s => s.Name == "printf").Version);
        Assert.Equal("GLIBC_2.29", elf.DynamicSymbols.Single(s => s.Name == "pow").Version);
        Assert.Equal(["libc.so.6"], elf.Needed);
    }

    [Fact]
    public void A_version_needed_aux_chain_that_loops_back_on_itself_ends_with_a_problem()
    {
        var built = Sample(needs: [new("libc.so.6", ("GLIBC_2.2.5", 2), ("GLIBC_2.29", 3))]);
        built.U32(built[".gnu.version_r"].Offset + 16 + 12, unchecked((uint)-16));

        var elf = built.Parse();

        Assert.Equal("symbol versions", Assert.Single(elf.Problems).Part);
        Assert.Equal("GLIBC_2.2.5", elf.DynamicSymbols.Single(s => s.Name == "printf").Version);
        Assert.Null(elf.DynamicSymbols.Single(s => s.Name == "pow").Version);
    }

    [Fact]
    public void A_version_defined_chain_that_leaves_its_section_ends_with_a_problem()
    {
        var built = new ElfBuilder { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Section(".text", ElfSection.ShtProgBits, new byte[16], ElfBuilder.ShfAlloc | ElfBuilder.ShfExec)
            .DynamicSymbols([new("api", Section: ".text", VersionIndex: 2), new("later", Section: ".text", VersionIndex: 3)], defs: [new(1, "libx.so", ElfBuilder.VerFlgBase), new(2, "X_1"), new(3, "X_2")])
            .Build();
        built.U32(built[".gnu.version_d"].Offset + 28 + 16, 0x7000_0000);

        var elf = built.Parse();

        Assert.Equal("symbol versions", Assert.Single(elf.Problems).Part);
        Assert.Equal("X_1", elf.DynamicSymbols.Single(s => s.Name == "api").Version);
        Assert.Null(elf.DynamicSymbols.Single(s => s.Name == "later").Version);
    }

    [Fact]
    public void A_note_whose_sizes_run_past_its_section_is_a_problem_and_later_notes_are_read()
    {
        var built = new ElfBuilder()
            .Note(".note.broken", "GNU", 1, new byte[8])
            .BuildId(Convert.FromHexString("0123456789abcdef"))
            .Build();
        built.U32(built[".note.broken"].Offset + 4, 0x1000);

        var elf = built.Parse();

        var problem = Assert.Single(elf.Problems);
        Assert.Equal("notes", problem.Part);
        Assert.Contains(".note.broken", problem.Message, StringComparison.Ordinal);
        Assert.Equal("0123456789abcdef", elf.BuildId);
    }

    [Fact]
    public void An_interpreter_segment_past_the_end_yields_no_interpreter()
    {
        var built = Sample();
        built.Word(built.ProgramHeader(1) + built.POffset, 0x7000_0000);

        var elf = built.Parse();

        Assert.Null(elf.Interpreter);
        Assert.Equal(["libc.so.6"], elf.Needed);
    }

    private static BuiltElf Sample(bool is64 = true, IReadOnlyList<VersionNeed>? needs = null) =>
        new ElfBuilder(is64) { Machine = ElfMachines.AArch64, Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Interpreter("/lib/ld-musl-aarch64.so.1")
            .BuildId(Convert.FromHexString("0123456789abcdef"))
            .DynamicSymbols([new("printf", VersionIndex: 2), new("pow", VersionIndex: 3), new("main", Section: ".interp", VersionIndex: 1)],
                needs ?? [new("libc.so.6", ("GLIBC_2.2.5", 2), ("GLIBC_2.29", 3))])
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"))
            .Comment("GCC: (GNU) 13.2.0")
            .Build();
}

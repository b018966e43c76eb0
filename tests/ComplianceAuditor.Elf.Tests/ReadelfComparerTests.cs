using ComplianceAuditor.Elf.Tests.Building;
using ComplianceAuditor.Elf.Tests.Readelf;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Elf.Tests;

/// <summary>Checks on the differential test's own machinery, so that "zero mismatches" cannot come from comparing nothing.</summary>
public sealed class ReadelfComparerTests
{
    [Fact]
    public void A_readelf_report_of_a_real_binary_has_every_part_and_no_line_left_unparsed()
    {
        var report = ReadelfTool.Report("/bin/ls");

        Assert.Empty(report.Unparsed);
        Assert.Equal("ELF64", report.Header["Class"]);
        Assert.NotNull(report.HeaderNumber("Entry point address"));
        Assert.True(report.Sections.Count > 20);
        Assert.True(report.Segments.Count > 5);
        Assert.True(report.Dynamic.Count > 10);
        Assert.Equal(report.DynamicDeclaredCount, report.Dynamic.Count);
        Assert.Contains(report.SymbolTables, t => t.Section == ".dynsym" && t.Count > 10);
        Assert.NotNull(report.Interpreter);
        Assert.Single(report.BuildIds);
    }

    [Fact]
    public void Every_field_that_differs_from_readelf_is_reported()
    {
        using var dir = new TempDirectory();
        var built = new ElfBuilder { Entry = 0x401000 }
            .Interpreter("/lib/ld.so")
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"), (ElfDynamicTags.Flags, ElfDynamicTags.DfBindNow))
            .DynamicSymbols([new("puts")])
            .Comment("GCC")
            .Build();
        var path = dir.Write("original", built.Bytes);
        var report = ReadelfTool.Report(path);
        var changed = new BuiltElf((byte[])built.Bytes.Clone(), true, false, built.Sections, built.SegmentCount);
        changed.Word(24, 0x402000);
        changed.Bytes[(int)built[".dynstr"].Offset + 4] = (byte)'d';
        changed.U32(built.ProgramHeader(1) + 4, ElfSegment.FlagRead | ElfSegment.FlagExecute);
        changed.Word(built[".comment"].HeaderOffset + built.ShSize, 3);
        changed.Word(built[".dynamic"].Offset + 24, ElfDynamicTags.DfTextRel);

        var fields = ReadelfComparer.Compare(path, changed.Parse(), report).Select(m => m.Field).ToList();

        Assert.Contains("entry point", fields);
        Assert.Contains(fields, f => f.StartsWith("dynamic entry 0", StringComparison.Ordinal) && f.EndsWith("text", StringComparison.Ordinal));
        Assert.Contains(fields, f => f.StartsWith("dynamic entry 1", StringComparison.Ordinal) && f.EndsWith("value", StringComparison.Ordinal));
        Assert.Contains("program header 1 flags", fields);
        Assert.Contains($"section [{built[".comment"].Index}] size", fields);
        Assert.Empty(ReadelfComparer.Compare(path, built.Parse(), report));
    }

    [Fact]
    public void A_problem_in_a_file_readelf_reads_silently_is_a_mismatch()
    {
        using var dir = new TempDirectory();
        var built = new ElfBuilder().Dynamic((ElfDynamicTags.Needed, "libc.so.6")).Build();
        var path = dir.Write("clean", built.Bytes);
        var elf = new ElfBuilder().Dynamic([(ElfDynamicTags.Needed, "libc.so.6")], terminate: false).Build().Parse();

        var mismatches = ReadelfComparer.Compare(path, elf, ReadelfTool.Report(path));

        Assert.Contains(mismatches, m => m.Field == "problems");
    }

    [Theory]
    [InlineData(ElfDynamicTags.StrTab, "0x1040", 0x1040UL)]
    [InlineData(10L, "1497 (bytes)", 1497UL)]
    [InlineData(0x6ffffff9L, "212", 212UL)]
    [InlineData(20L, "RELA", 7UL)]
    [InlineData(20L, "REL", 17UL)]
    [InlineData(ElfDynamicTags.Flags, "BIND_NOW", 8UL)]
    [InlineData(ElfDynamicTags.Flags, "SYMBOLIC STATIC_TLS", 0x12UL)]
    [InlineData(ElfDynamicTags.Flags, "", 0UL)]
    [InlineData(ElfDynamicTags.Flags1, "Flags: NOW PIE", 0x8000001UL)]
    [InlineData(ElfDynamicTags.Flags1, "Flags: None", 0UL)]
    [InlineData(ElfDynamicTags.Flags1, "Flags: NOW 80000000", 0x80000001UL)]
    public void Dynamic_values_are_read_back_from_each_format_readelf_prints(long tag, string text, ulong expected)
    {
        var value = ReadelfDynamicValue.Parse(ElfMachines.X8664, tag, text);

        Assert.Null(value.Error);
        Assert.Equal(expected, value.Number);
    }

    [Theory]
    [InlineData(ElfDynamicTags.Needed, "Shared library: [libc.so.6]", "libc.so.6")]
    [InlineData(ElfDynamicTags.Needed, "Shared library: [ld-linux-x86-64.so.2] program interpreter", "ld-linux-x86-64.so.2")]
    [InlineData(ElfDynamicTags.RunPath, "Library runpath: [$ORIGIN/../lib:/opt]", "$ORIGIN/../lib:/opt")]
    public void String_values_are_read_back_as_text(long tag, string text, string expected)
    {
        Assert.Equal(expected, ReadelfDynamicValue.Parse(ElfMachines.X8664, tag, text).Text);
    }

    [Fact]
    public void MIPS_flags_are_read_back_by_name()
    {
        Assert.Equal(2UL, ReadelfDynamicValue.Parse(ElfMachines.Mips, 0x70000005, "NOTPOT").Number);
        Assert.Equal(0UL, ReadelfDynamicValue.Parse(ElfMachines.Mips, 0x70000005, "NONE").Number);
    }

    [Fact]
    public void A_value_format_the_test_does_not_know_is_an_error_not_a_pass()
    {
        Assert.NotNull(ReadelfDynamicValue.Parse(ElfMachines.X8664, 0x6ffffdf5, "2024-01-01T00:00:00").Error);
        Assert.NotNull(ReadelfDynamicValue.Parse(ElfMachines.X8664, ElfDynamicTags.Flags, "BIND_NOW unknown").Error);
    }
}

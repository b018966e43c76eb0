using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

public sealed class DynamicSectionTests
{
    private const long DtStrSz = 10;

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Entries_are_read_in_order_up_to_and_including_DT_NULL_with_string_values_resolved(bool is64, bool bigEndian)
    {
        var built = new ElfBuilder(is64, bigEndian) { Type = (ushort)ElfType.SharedObject, BaseAddress = 0 }
            .Dynamic((ElfDynamicTags.Needed, "libcrypto.so.3"), (ElfDynamicTags.Needed, "libc.so.6"), (ElfDynamicTags.SoName, "libssl.so.3"), (ElfDynamicTags.Debug, 0))
            .Build();

        var elf = built.Parse();

        Assert.Equal(
            [ElfDynamicTags.Needed, ElfDynamicTags.Needed, ElfDynamicTags.SoName, ElfDynamicTags.Debug, ElfDynamicTags.StrTab, DtStrSz, ElfDynamicTags.Null],
            elf.Dynamic.Select(e => e.Tag));
        Assert.Equal(["libcrypto.so.3", "libc.so.6", "libssl.so.3", null, null, null, null], elf.Dynamic.Select(e => e.Text));
        Assert.Equal(["NEEDED", "NEEDED", "SONAME", "DEBUG", "STRTAB", "STRSZ", "NULL"], elf.Dynamic.Select(e => e.TagName));
        Assert.Equal(built[".dynstr"].Offset, elf.Dynamic[4].Value);
        Assert.Equal(built[".dynstr"].Size, elf.Dynamic[5].Value);
        Assert.Equal(["libcrypto.so.3", "libc.so.6"], elf.Needed);
        Assert.Equal("libssl.so.3", elf.SoName);
        Assert.Empty(elf.Problems);
    }

    [Fact]
    public void Entries_after_the_first_DT_NULL_are_not_read()
    {
        var elf = new ElfBuilder()
            .Dynamic((ElfDynamicTags.Needed, "libc.so.6"), (ElfDynamicTags.Null, 0), (ElfDynamicTags.Needed, "libhidden.so"))
            .Build().Parse();

        Assert.Equal([ElfDynamicTags.Needed, ElfDynamicTags.Null], elf.Dynamic.Select(e => e.Tag));
        Assert.Equal(["libc.so.6"], elf.Needed);
        Assert.Empty(elf.Problems);
    }

    [Fact]
    public void Unknown_tags_keep_their_number_and_are_named_in_hex()
    {
        var elf = new ElfBuilder().Dynamic((0x6ffffe00L, 7)).Build().Parse();

        var entry = elf.Dynamic[0];
        Assert.Equal(0x6ffffe00L, entry.Tag);
        Assert.Equal(7UL, entry.Value);
        Assert.Equal("0x6ffffe00", entry.TagName);
        Assert.Equal("FLAGS_1", ElfDynamicTags.Name(ElfDynamicTags.Flags1));
        Assert.Equal("MIPS_RLD_MAP_REL", ElfDynamicTags.Name(0x70000035));
    }

    [Fact]
    public void RPATH_is_split_on_colons()
    {
        var elf = new ElfBuilder().Dynamic((ElfDynamicTags.RPath, "/opt/vendor/lib:$ORIGIN/../lib:/tmp")).Build().Parse();

        Assert.Equal(["/opt/vendor/lib", "$ORIGIN/../lib", "/tmp"], elf.RPath);
        Assert.Empty(elf.RunPath);
    }

    [Fact]
    public void RUNPATH_is_split_on_colons_keeping_empty_elements()
    {
        var elf = new ElfBuilder().Dynamic((ElfDynamicTags.RunPath, "/usr/local/lib::.")).Build().Parse();

        Assert.Equal(["/usr/local/lib", "", "."], elf.RunPath);
        Assert.Empty(elf.RPath);
    }

    [Fact]
    public void Several_RPATH_entries_are_concatenated_in_order()
    {
        var elf = new ElfBuilder().Dynamic((ElfDynamicTags.RPath, "/a:/b"), (ElfDynamicTags.RPath, "/c")).Build().Parse();

        Assert.Equal(["/a", "/b", "/c"], elf.RPath);
    }

    [Theory]
    [InlineData(ElfDynamicTags.BindNow, 0UL)]
    [InlineData(ElfDynamicTags.Flags, ElfDynamicTags.DfBindNow)]
    [InlineData(ElfDynamicTags.Flags, ElfDynamicTags.DfBindNow | ElfDynamicTags.DfTextRel)]
    [InlineData(ElfDynamicTags.Flags1, ElfDynamicTags.Df1Now)]
    [InlineData(ElfDynamicTags.Flags1, ElfDynamicTags.Df1Now | ElfDynamicTags.Df1Pie)]
    public void Binding_is_immediate_with_DT_BIND_NOW_DF_BIND_NOW_or_DF_1_NOW(long tag, ulong value)
    {
        var elf = new ElfBuilder().Dynamic((ElfDynamicTags.Needed, "libc.so.6"), (tag, value)).Build().Parse();

        Assert.True(elf.BindNow);
    }

    [Theory]
    [InlineData(ElfDynamicTags.Flags, ElfDynamicTags.DfTextRel)]
    [InlineData(ElfDynamicTags.Flags1, ElfDynamicTags.Df1Pie)]
    [InlineData(ElfDynamicTags.Debug, 0UL)]
    public void Binding_is_lazy_without_any_of_the_three(long tag, ulong value)
    {
        var elf = new ElfBuilder().Dynamic((ElfDynamicTags.Needed, "libc.so.6"), (tag, value)).Build().Parse();

        Assert.False(elf.BindNow);
    }

    [Fact]
    public void Flags_and_flags_1_are_zero_when_absent()
    {
        var elf = new ElfBuilder().Dynamic((ElfDynamicTags.Needed, "libc.so.6")).Build().Parse();

        Assert.Equal(0UL, elf.Flags);
        Assert.Equal(0UL, elf.Flags1);
    }

    [Fact]
    public void Without_section_headers_the_dynamic_segment_is_read_and_strings_found_through_DT_STRTAB()
    {
        var built = new ElfBuilder(is64: false, bigEndian: true) { Machine = ElfMachines.Mips }
            .Interpreter("/lib/ld-uClibc.so.0")
            .Dynamic((ElfDynamicTags.Needed, "libuClibc.so.0"), (ElfDynamicTags.RunPath, "/lib:/usr/lib"))
            .Build();
        built.Word(built.EShOff, 0).U16(built.EShNum, 0).U16(built.EShStrNdx, 0);

        var elf = built.Parse();

        Assert.Empty(elf.Sections);
        Assert.Equal(["libuClibc.so.0"], elf.Needed);
        Assert.Equal(["/lib", "/usr/lib"], elf.RunPath);
        Assert.Equal("/lib/ld-uClibc.so.0", elf.Interpreter);
        Assert.Empty(elf.Problems);
    }

    [Fact]
    public void A_file_without_a_dynamic_section_has_no_entries()
    {
        var elf = new ElfBuilder { Type = (ushort)ElfType.Relocatable }.Build().Parse();

        Assert.Empty(elf.Dynamic);
        Assert.Empty(elf.Needed);
        Assert.Null(elf.SoName);
        Assert.False(elf.BindNow);
    }
}

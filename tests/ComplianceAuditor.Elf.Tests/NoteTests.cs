using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

public sealed class NoteTests
{
    private const uint X86Ibt = 1;
    private const uint X86Shstk = 2;
    private const uint AArch64Bti = 1;
    private const uint AArch64Pac = 2;
    private const uint X86IsaNeeded = 0xc0008002;

    private static readonly byte[] Id = Convert.FromHexString("15dfff3239aa7c3b16a71e6b2e3b6e4009dab998");

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Build_id_is_the_hex_of_the_GNU_build_id_note(bool is64, bool bigEndian)
    {
        var elf = new ElfBuilder(is64, bigEndian).BuildId(Id).Build().Parse();

        Assert.Equal("15dfff3239aa7c3b16a71e6b2e3b6e4009dab998", elf.BuildId);
        var note = Assert.Single(elf.Notes);
        Assert.Equal("GNU", note.Owner);
        Assert.Equal(ElfNote.GnuBuildId, note.Type);
        Assert.Equal(".note.gnu.build-id", note.Source);
        Assert.Equal(Id, note.Descriptor.ToArray());
    }

    [Fact]
    public void A_build_id_note_of_another_owner_is_not_a_build_id()
    {
        var elf = new ElfBuilder().Note(".note.other", "Go", ElfNote.GnuBuildId, Id).Build().Parse();

        Assert.Null(elf.BuildId);
        Assert.Equal("Go", Assert.Single(elf.Notes).Owner);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void X86_feature_1_and_with_IBT_and_SHSTK_is_read_from_the_property_note(bool is64, bool bigEndian)
    {
        var elf = new ElfBuilder(is64, bigEndian) { Machine = is64 ? ElfMachines.X8664 : ElfMachines.X86 }
            .GnuProperties((ElfGnuProperties.X86Feature1And, X86Ibt | X86Shstk))
            .Build().Parse();

        Assert.Equal(X86Ibt | X86Shstk, elf.GnuProperties.X86Features);
        Assert.True(elf.GnuProperties.X86Ibt);
        Assert.True(elf.GnuProperties.X86Shstk);
        Assert.Null(elf.GnuProperties.AArch64Features);
        Assert.Empty(elf.Problems);
    }

    [Fact]
    public void X86_feature_1_and_is_found_after_other_properties()
    {
        var elf = new ElfBuilder()
            .GnuProperties((X86IsaNeeded, 1), (ElfGnuProperties.X86Feature1And, X86Ibt))
            .Build().Parse();

        Assert.True(elf.GnuProperties.X86Ibt);
        Assert.False(elf.GnuProperties.X86Shstk);
    }

    [Fact]
    public void AArch64_feature_1_and_with_BTI_and_PAC_is_read_from_the_property_note()
    {
        var elf = new ElfBuilder { Machine = ElfMachines.AArch64 }
            .GnuProperties((ElfGnuProperties.AArch64Feature1And, AArch64Bti | AArch64Pac))
            .Build().Parse();

        Assert.Equal(AArch64Bti | AArch64Pac, elf.GnuProperties.AArch64Features);
        Assert.True(elf.GnuProperties.AArch64Bti);
        Assert.True(elf.GnuProperties.AArch64Pac);
        Assert.Null(elf.GnuProperties.X86Features);
    }

    [Fact]
    public void Without_a_property_note_no_feature_is_claimed()
    {
        var elf = new ElfBuilder().BuildId(Id).Build().Parse();

        Assert.Null(elf.GnuProperties.X86Features);
        Assert.Null(elf.GnuProperties.AArch64Features);
        Assert.False(elf.GnuProperties.X86Ibt);
        Assert.False(elf.GnuProperties.AArch64Bti);
    }

    [Fact]
    public void Notes_from_every_note_section_are_read_in_order()
    {
        var elf = new ElfBuilder()
            .GnuProperties((ElfGnuProperties.X86Feature1And, X86Shstk))
            .BuildId(Id)
            .Note(".note.ABI-tag", "GNU", ElfNote.GnuAbiTag, [0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0])
            .Build().Parse();

        Assert.Equal([ElfNote.GnuPropertyType0, ElfNote.GnuBuildId, ElfNote.GnuAbiTag], elf.Notes.Select(n => n.Type));
        Assert.Equal([".note.gnu.property", ".note.gnu.build-id", ".note.ABI-tag"], elf.Notes.Select(n => n.Source));
        Assert.True(elf.GnuProperties.X86Shstk);
    }

    [Fact]
    public void Without_section_headers_notes_are_read_from_PT_NOTE_segments()
    {
        var built = new ElfBuilder().BuildId(Id).GnuProperties((ElfGnuProperties.X86Feature1And, X86Ibt | X86Shstk)).Build();
        built.Word(built.EShOff, 0).U16(built.EShNum, 0).U16(built.EShStrNdx, 0);

        var elf = built.Parse();

        Assert.Empty(elf.Sections);
        Assert.Equal("15dfff3239aa7c3b16a71e6b2e3b6e4009dab998", elf.BuildId);
        Assert.StartsWith("PT_NOTE[", elf.Notes[0].Source, StringComparison.Ordinal);
        Assert.True(elf.GnuProperties.X86Ibt);
        Assert.True(elf.GnuProperties.X86Shstk);
    }
}

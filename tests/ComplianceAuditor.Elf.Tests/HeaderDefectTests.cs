using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

/// <summary>Defects in the identification or file header: nothing else can be read, so Parse throws ElfFormatException and nothing else.</summary>
public sealed class HeaderDefectTests
{
    [Fact]
    public void An_empty_file_is_rejected_for_its_missing_magic()
    {
        var e = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(ReadOnlyMemory<byte>.Empty));

        Assert.Contains("magic", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x7f, (byte)'E', (byte)'L' })]
    [InlineData(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'G', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { (byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0 })]
    public void A_file_without_the_ELF_magic_is_rejected_for_it(byte[] bytes)
    {
        var e = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(bytes));

        Assert.Contains("no \\x7fELF magic", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(15)]
    public void A_file_shorter_than_e_ident_is_rejected_as_truncated(int length)
    {
        var bytes = new ElfBuilder().Build().Bytes[..length];

        var e = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(bytes));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("16-byte identification", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(0xff)]
    public void An_invalid_EI_CLASS_is_rejected_naming_the_class(byte value)
    {
        var bytes = new ElfBuilder().Build().Bytes;
        bytes[4] = value;

        var e = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(bytes));

        Assert.Contains($"invalid class {value}", e.Message, StringComparison.Ordinal);
        Assert.Contains("EI_CLASS", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void An_invalid_EI_DATA_is_rejected_naming_the_encoding(byte value)
    {
        var bytes = new ElfBuilder().Build().Bytes;
        bytes[5] = value;

        var e = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(bytes));

        Assert.Contains($"invalid data encoding {value}", e.Message, StringComparison.Ordinal);
        Assert.Contains("EI_DATA", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 16)]
    [InlineData(true, 63)]
    [InlineData(false, 16)]
    [InlineData(false, 51)]
    public void A_file_header_cut_short_is_rejected_as_truncated(bool is64, int length)
    {
        var bytes = new ElfBuilder(is64).Build().Bytes[..length];

        var e = Assert.Throws<ElfFormatException>(() => ElfFile.Parse(bytes));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains(is64 ? "64-byte ELF64 header" : "52-byte ELF32 header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_exactly_the_header_size_is_accepted()
    {
        var built = new ElfBuilder(is64: false).Build();
        built.Word(built.EShOff, 0).U16(built.EShNum, 0).Truncate(52);

        var elf = built.Parse();

        Assert.Equal(ElfClass.Elf32, elf.Header.Class);
    }
}

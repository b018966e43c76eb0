using System.Text;
using ComplianceAuditor.Elf.Evidence;
using ComplianceAuditor.Elf.Tests.Building;

namespace ComplianceAuditor.Elf.Tests;

public sealed class ElfStringsTests
{
    private static readonly StringOptions Defaults = new();

    [Fact]
    public void Ascii_strings_are_found_at_their_offsets_with_their_section()
    {
        var rodata = Rodata("\0\0password=admin\0\x01short\0/etc/shadow\0");
        var elf = rodata.Built.Parse();

        var found = ElfStrings.Extract(elf, Defaults with { Utf16 = false });

        var password = Assert.Single(found, s => s.Text == "password=admin");
        Assert.Equal((long)rodata.Offset + 2, password.Offset);
        Assert.False(password.Utf16);
        Assert.Equal(".rodata", password.Section);
        var shadow = Assert.Single(found, s => s.Text == "/etc/shadow");
        Assert.Equal((long)rodata.Offset + 24, shadow.Offset);
        Assert.DoesNotContain(found, s => s.Text == "short");
        Assert.Equal(found.OrderBy(s => s.Offset).Select(s => s.Offset), found.Select(s => s.Offset));
    }

    [Fact]
    public void The_minimum_length_is_honoured_exactly()
    {
        var rodata = Rodata("\0abcde\0abcdef\0abcdefg\0");
        var elf = rodata.Built.Parse();

        var six = ElfStrings.Extract(elf, Defaults with { Utf16 = false, MinLength = 6 }).Where(s => s.Section == ".rodata").Select(s => s.Text);
        var five = ElfStrings.Extract(elf, Defaults with { Utf16 = false, MinLength = 5 }).Where(s => s.Section == ".rodata").Select(s => s.Text);

        Assert.Equal(["abcdef", "abcdefg"], six);
        Assert.Equal(["abcde", "abcdef", "abcdefg"], five);
    }

    [Fact]
    public void Tabs_count_as_printable()
    {
        var rodata = Rodata("\0key\tvalue\0");

        var found = ElfStrings.Extract(rodata.Built.Parse(), Defaults with { Utf16 = false });

        Assert.Contains(found, s => s.Text == "key\tvalue" && s.Offset == (long)rodata.Offset + 1);
    }

    [Fact]
    public void Utf16le_strings_are_found_at_their_offsets()
    {
        var text = "\0\0" + Encoding.Latin1.GetString(Encoding.Unicode.GetBytes("SecretKey")) + "\0\0";
        var rodata = Rodata(text);

        var found = ElfStrings.Extract(rodata.Built.Parse(), Defaults);

        var utf16 = Assert.Single(found, s => s.Utf16);
        Assert.Equal("SecretKey", utf16.Text);
        Assert.Equal((long)rodata.Offset + 2, utf16.Offset);
        Assert.Equal(".rodata", utf16.Section);
    }

    [Fact]
    public void Utf16le_is_not_searched_when_turned_off()
    {
        var rodata = Rodata("\0\0" + Encoding.Latin1.GetString(Encoding.Unicode.GetBytes("SecretKey")) + "\0\0");

        var found = ElfStrings.Extract(rodata.Built.Parse(), Defaults with { Utf16 = false });

        Assert.DoesNotContain(found, s => s.Utf16);
    }

    [Fact]
    public void Utf16le_minimum_length_counts_characters()
    {
        var rodata = Rodata("\0\0" + Encoding.Latin1.GetString(Encoding.Unicode.GetBytes("abcde")) + "\0\0\0\0" + Encoding.Latin1.GetString(Encoding.Unicode.GetBytes("abcdef")) + "\0\0");

        var found = ElfStrings.Extract(rodata.Built.Parse(), Defaults with { MinLength = 6 });

        Assert.Equal(["abcdef"], found.Where(s => s.Utf16).Select(s => s.Text));
    }

    [Fact]
    public void Strings_outside_every_section_have_no_section()
    {
        var bytes = Append(new ElfBuilder().Build().Bytes, "\0trailing-data-outside\0");

        var found = ElfStrings.Extract(ElfFile.Parse(bytes), Defaults);

        Assert.Null(Assert.Single(found, s => s.Text == "trailing-data-outside").Section);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void An_ascii_run_that_ends_the_file_is_found(int padding)
    {
        var header = new ElfBuilder().Build().Bytes;
        var bytes = Append(header, new string('\u0001', padding) + "END-OF-FILE-MARKER");

        var found = ElfStrings.Extract(ElfFile.Parse(bytes), Defaults);

        var last = Assert.Single(found, s => s.Text == "END-OF-FILE-MARKER");
        Assert.Equal(header.Length + padding, last.Offset);
        Assert.Equal(bytes.Length, last.Offset + last.Text.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_utf16le_run_that_ends_the_file_is_found_at_either_parity(int padding)
    {
        var header = new ElfBuilder().Build().Bytes;
        var bytes = Append(header, new string('\u0001', padding) + Encoding.Latin1.GetString(Encoding.Unicode.GetBytes("WideMarker")));

        var found = ElfStrings.Extract(ElfFile.Parse(bytes), Defaults);

        var wide = Assert.Single(found, s => s.Utf16);
        Assert.Equal("WideMarker", wide.Text);
        Assert.Equal(header.Length + padding, wide.Offset);
        Assert.Equal((header.Length + padding) % 2, wide.Offset % 2);
    }

    [Fact]
    public void A_utf16le_run_missing_its_last_zero_byte_at_the_end_of_the_file_ends_one_character_early()
    {
        var header = new ElfBuilder().Build().Bytes;
        var wide = Encoding.Unicode.GetBytes("WideMarkerX");
        var bytes = Append(header, Encoding.Latin1.GetString(wide[..^1]));

        var found = ElfStrings.Extract(ElfFile.Parse(bytes), Defaults);

        Assert.Equal("WideMarker", Assert.Single(found, s => s.Utf16).Text);
    }

    [Fact]
    public void Long_runs_are_cut_at_the_maximum_length_keeping_their_offset()
    {
        var rodata = Rodata("\0" + new string('A', 50) + "\0");

        var found = ElfStrings.Extract(rodata.Built.Parse(), Defaults with { MaxLength = 10 });

        var cut = Assert.Single(found, s => s.Text.StartsWith('A'));
        Assert.Equal(new string('A', 10), cut.Text);
        Assert.Equal((long)rodata.Offset + 1, cut.Offset);
    }

    [Fact]
    public void Extraction_stops_after_the_maximum_count()
    {
        var rodata = Rodata(string.Concat(Enumerable.Range(0, 20).Select(i => $"string-{i:D2}\0")));

        var found = ElfStrings.Extract(rodata.Built.Parse(), Defaults with { MaxCount = 3, Utf16 = false });

        Assert.Equal(3, found.Count);
    }

    private static (BuiltElf Built, ulong Offset) Rodata(string content)
    {
        var built = new ElfBuilder().Section(".rodata", ElfSection.ShtProgBits, Encoding.Latin1.GetBytes(content), ElfBuilder.ShfAlloc).Build();
        return (built, built[".rodata"].Offset);
    }

    private static byte[] Append(byte[] bytes, string tail) => [.. bytes, .. Encoding.Latin1.GetBytes(tail)];
}

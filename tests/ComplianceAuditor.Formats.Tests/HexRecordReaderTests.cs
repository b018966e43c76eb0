using System.Globalization;
using System.Text;
using ComplianceAuditor.Formats.HexRecords;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Tests;

public sealed class HexRecordReaderTests
{
    private readonly IntelHexReader _ihex = new();
    private readonly SRecordReader _srec = new();

    [Theory]
    [InlineData("fw.hex", "0x08000101")]
    [InlineData("low.hex", "0x0001ff80")]
    [InlineData("fw.srec", "0x08000101")]
    [InlineData("low.srec", "0x0001ff80")]
    public void Each_address_range_becomes_the_flat_binary_objcopy_makes(string file, string start)
    {
        IFormatReader reader = file.EndsWith(".hex", StringComparison.Ordinal) ? _ihex : _srec;
        IFormatReader other = reader == _ihex ? _srec : _ihex;
        var bytes = Fixtures.Bytes("hex/" + file);
        Assert.NotNull(Fixtures.Identify(reader, bytes));
        Assert.Null(Fixtures.Identify(other, bytes));

        var warnings = new List<string>();
        var entries = Fixtures.Extract(reader, bytes, warnings);

        Assert.Empty(warnings);
        Fixtures.AssertFilesMatch(Fixtures.Json($"hex/{file}.manifest.json"), entries);
        Assert.All(entries, e => Assert.Contains("start address " + start, e.Entry.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void The_S0_header_is_reported()
    {
        Assert.Equal("Motorola S-record, header 'hex/fw.srec'", Fixtures.Identify(_srec, Fixtures.Bytes("hex/fw.srec"))!.Description);
    }

    [Fact]
    public void A_bad_checksum_is_rejected_naming_the_line()
    {
        var lines = Encoding.ASCII.GetString(Fixtures.Bytes("hex/fw.hex")).Split('\n');
        lines[2] = lines[2][..^3] + (lines[2][^3] == '0' ? '1' : '0') + lines[2][^2..]; // one digit of the data
        var bytes = Encoding.ASCII.GetBytes(string.Join('\n', lines));

        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(_ihex, bytes));

        Assert.Contains("line 3 has a bad checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_larger_than_the_file_limit_is_rejected()
    {
        var bytes = Fixtures.Bytes("hex/fw.hex");

        var error = Assert.Throws<UnpackException>(() => Fixtures.Extract(_ihex, bytes, limits: new UnpackLimits { MaxFileBytes = 512 }));

        Assert.Contains("address range from 0x8000000", error.Message, StringComparison.Ordinal);
        Assert.Contains("512-byte limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_at_both_ends_of_the_address_space_give_two_small_files()
    {
        var text = new StringBuilder();
        text.Append(Line(0x04, 0, [0x00, 0x00])).Append(Line(0x00, 0x0000, [1, 2, 3, 4]));
        text.Append(Line(0x04, 0, [0xFF, 0xFF])).Append(Line(0x00, 0xFFFC, [5, 6, 7, 8]));
        text.Append(Line(0x00, 0x1000, [9])); // at 0xFFFF1000, after the record above in the file, before it in memory
        text.Append(":00000001FF\n");

        var entries = Fixtures.Extract(_ihex, Encoding.ASCII.GetBytes(text.ToString()));

        Assert.Equal(["0x00000000.bin", "0xffff1000.bin"], entries.Select(e => e.Entry.Path));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, entries[0].Content);
        // 0xFFFF1000 and 0xFFFFFFFC are 61 KiB apart: one range, the gap filled with 0xFF.
        var high = entries[1].Content!;
        Assert.Equal(0xFFFFFFFCL - 0xFFFF1000L + 4, high.Length);
        Assert.Equal(9, high[0]);
        Assert.All(high[1..^4], b => Assert.Equal(0xFF, b));
        Assert.Equal(new byte[] { 5, 6, 7, 8 }, high[^4..]);
    }

    [Fact]
    public void Text_that_is_not_a_record_file_is_not_identified()
    {
        Assert.Null(Fixtures.Identify(_ihex, "# config\n:not hex\n"u8.ToArray()));
        Assert.Null(Fixtures.Identify(_srec, "Some text\nS1 is not a record\n"u8.ToArray()));
        Assert.Null(Fixtures.Identify(_ihex, Fixtures.Bytes("fit/board.dtb")));
    }

    /// <summary>An Intel HEX line with its checksum (two's complement of the byte sum), written here from the spec.</summary>
    private static string Line(int type, int address, byte[] data)
    {
        var bytes = new List<byte> { (byte)data.Length, (byte)(address >> 8), (byte)address, (byte)type };
        bytes.AddRange(data);
        bytes.Add((byte)(-bytes.Sum(b => b) & 0xFF));
        return ":" + string.Concat(bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture))) + "\n";
    }
}

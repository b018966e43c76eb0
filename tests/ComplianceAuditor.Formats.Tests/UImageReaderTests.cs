using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Formats.UImage;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.Tests;

public sealed class UImageReaderTests
{
    private readonly UImageReader _reader = new();

    [Fact]
    public void Crc32_matches_the_standard_check_value() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void A_single_file_image_yields_its_payload_named_from_the_header()
    {
        var bytes = Fixtures.Bytes("uimage/kernel.uimg");
        var match = Fixtures.Identify(_reader, bytes);
        Assert.Equal(bytes.Length, match!.Length);
        Assert.Contains("os linux, arch arm, type kernel, compression gzip", match.Description, StringComparison.Ordinal);
        Assert.Contains("entry 0x80008040", match.Description, StringComparison.Ordinal);

        var warnings = new List<string>();
        var entries = Fixtures.Extract(_reader, bytes, warnings);

        Assert.Empty(warnings);
        Fixtures.AssertFilesMatch(Fixtures.Json("uimage/manifest.json").GetProperty("kernel.uimg"), entries);
        Assert.Equal(64, entries[0].Entry.Offset);
    }

    [Fact]
    public void A_multi_file_image_yields_each_part()
    {
        var bytes = Fixtures.Bytes("uimage/multi.uimg");
        var warnings = new List<string>();

        var entries = Fixtures.Extract(_reader, bytes, warnings);

        Assert.Empty(warnings);
        Fixtures.AssertFilesMatch(Fixtures.Json("uimage/manifest.json").GetProperty("multi.uimg"), entries);
    }

    [Fact]
    public void A_header_with_a_bad_CRC_is_not_a_uImage()
    {
        var bytes = Fixtures.Bytes("uimage/kernel.uimg");
        bytes[40] ^= 0x20; // a letter of the name

        Assert.Null(Fixtures.Identify(_reader, bytes));
    }

    [Fact]
    public void Damaged_data_is_extracted_with_a_CRC_warning()
    {
        var bytes = Fixtures.Bytes("uimage/kernel.uimg");
        bytes[^1] ^= 0xFF;
        var warnings = new List<string>();

        Fixtures.Extract(_reader, bytes, warnings);

        Assert.Contains("data CRC", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_size_past_the_end_is_rejected()
    {
        var bytes = Fixtures.Bytes("uimage/kernel.uimg")[..200];

        var (before, error) = Fixtures.ExtractUntilFailure(_reader, bytes);

        Assert.Empty(before);
        Assert.Contains("data size 2113", error.Message, StringComparison.Ordinal);
        Assert.Contains("past the end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_file_size_table_without_its_zero_is_rejected()
    {
        // Header written here field by field (type 4 = multi) over 64 bytes of non-zero "sizes".
        var data = Enumerable.Repeat((byte)0x01, 64).ToArray();
        var header = new byte[64];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x27051956);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), (uint)data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(24), Crc32.Compute(data));
        header[28] = 5;
        header[29] = 2;
        header[30] = 4;
        Encoding.ASCII.GetBytes("endless").CopyTo(header, 32);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), Crc32.Compute(header));
        var bytes = header.Concat(data).ToArray();
        Assert.NotNull(Fixtures.Identify(_reader, bytes));

        var (_, error) = Fixtures.ExtractUntilFailure(_reader, bytes);

        Assert.Contains("size table", error.Message, StringComparison.Ordinal);
        Assert.Contains("no terminating zero", error.Message, StringComparison.Ordinal);
    }

    [SharedFact("corpus/ninjastorms/uImage")]
    public void The_ninjastorms_ARM_kernel_opens_with_a_valid_data_CRC()
    {
        var bytes = File.ReadAllBytes(Fixtures.Corpus("ninjastorms", "uImage"));
        var match = Fixtures.Identify(_reader, bytes);
        Assert.Equal(76680, match!.Length);
        Assert.Contains("os linux, arch arm, type kernel, compression none", match.Description, StringComparison.Ordinal);
        var warnings = new List<string>();

        var entry = Assert.Single(Fixtures.Extract(_reader, bytes, warnings));

        Assert.Empty(warnings);
        Assert.Equal("kernel.bin", entry.Entry.Path); // the header's name is empty
        Assert.Equal(76616, entry.Content!.Length);
        Assert.Equal(0x10000, entry.Entry.LoadAddress);
        Assert.Equal(bytes[64..], entry.Content);
    }
}

using System.Buffers.Binary;
using System.Text;
using ComplianceAuditor.Formats.DeviceTree;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Formats.Tests;

public sealed class FitReaderTests
{
    private readonly FitReader _reader = new();

    [Theory]
    [InlineData("fit.itb")]
    [InlineData("fit-external.itb")]
    [InlineData("fit-position.itb")]
    [InlineData("signed.itb")]
    public void Every_image_is_extracted_with_its_payload_and_load_address(string file)
    {
        var bytes = Fixtures.Bytes("fit/" + file);
        var match = Fixtures.Identify(_reader, bytes);
        Assert.NotNull(match);
        Assert.Contains("3 images", match.Description, StringComparison.Ordinal);
        Assert.Null(Fixtures.Identify(new DeviceTreeReader(), bytes));

        // mkimage pads the file to 4 bytes after the last payload; the length from the tree ends at that payload.
        Assert.InRange(match.Length!.Value, bytes.Length - 3, bytes.Length);

        var warnings = new List<string>();
        var entries = Fixtures.Extract(_reader, bytes, warnings);

        Assert.Empty(warnings);
        Assert.Equal(FitReader.DescriptionFileName, entries[0].Entry.Path);
        Fixtures.AssertFilesMatch(Fixtures.Json("fit/manifest.json"), entries[1..]);
    }

    [Fact]
    public void The_description_file_tells_what_is_hashed_signed_and_booted()
    {
        var unsigned = Description("fit.itb");
        Assert.Contains("  images-with-hash: 3\n", unsigned, StringComparison.Ordinal);
        Assert.Contains("  images-with-signature: 0\n", unsigned, StringComparison.Ordinal);
        Assert.Contains("  configurations-with-signature: 0\n", unsigned, StringComparison.Ordinal);
        Assert.Contains("  default-configuration: conf-1\n", unsigned, StringComparison.Ordinal);
        Assert.Contains("    load: 0x80008000\n", unsigned, StringComparison.Ordinal);

        var signed = Description("signed.itb");
        Assert.Contains("  images-with-signature: 1\n", signed, StringComparison.Ordinal);
        Assert.Contains("  configurations-with-signature: 1\n", signed, StringComparison.Ordinal);
        Assert.Contains("      algo: \"sha256,rsa2048\"\n      key-name-hint: \"dev\"\n", signed, StringComparison.Ordinal);
        Assert.Contains("      sign-images: \"fdt\", \"kernel\", \"ramdisk\"\n", signed, StringComparison.Ordinal);

        var kernel = Fixtures.Extract(_reader, Fixtures.Bytes("fit/signed.itb"))[1].Entry.Description;
        Assert.Contains("type kernel, arch arm, os linux, compression none", kernel, StringComparison.Ordinal);
        Assert.Contains("signatures signature-1(sha256,rsa2048)", kernel, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_value_in_the_description_is_the_one_mkimage_reported()
    {
        // mkimage -l printed "Sign value:" for the kernel's image signature; the description shows the same bytes.
        var listing = File.ReadAllLines(Path.Combine(Fixtures.Directory, "fit", "signed.itb.mkimage.txt"));
        var value = listing.First(l => l.TrimStart().StartsWith("Sign value:", StringComparison.Ordinal)).Split(':')[1].Trim();

        Assert.Contains("value: " + value, Description("signed.itb"), StringComparison.Ordinal);
    }

    [Fact]
    public void External_data_past_the_end_is_rejected()
    {
        var whole = Fixtures.Bytes("fit/fit-external.itb");
        var totalSize = (int)BinaryPrimitives.ReadUInt32BigEndian(whole.AsSpan(4));
        var bytes = whole[..(totalSize + 100)];

        var (before, error) = Fixtures.ExtractUntilFailure(_reader, bytes);

        Assert.Equal([FitReader.DescriptionFileName], before.Select(e => e.Entry.Path));
        Assert.Contains("image 'kernel' has external data", error.Message, StringComparison.Ordinal);
        Assert.Contains("past the end", error.Message, StringComparison.Ordinal);
    }

    [SharedFact("corpus/libfdtxx/test/verify.fit")]
    public void The_libfdtxx_FITs_open_in_all_three_data_layouts()
    {
        var payloads = new List<string>();
        foreach (var name in new[] { "verify.fit", "verify-offset.fit", "verify-position.fit" })
        {
            var bytes = File.ReadAllBytes(Fixtures.Corpus("libfdtxx", "test", name));
            Assert.NotNull(Fixtures.Identify(_reader, bytes));
            var entries = Fixtures.Extract(_reader, bytes);
            var test1 = entries.Single(e => e.Entry.Path == "images/test-1.bin");
            Assert.Equal(12, test1.Content!.Length); // "Data Size: 12 Bytes" in mkimage -l
            payloads.Add(test1.Sha256);
        }

        Assert.Single(payloads.Distinct());
    }

    private string Description(string file) =>
        Encoding.UTF8.GetString(Fixtures.Extract(_reader, Fixtures.Bytes("fit/" + file))[0].Content!);
}

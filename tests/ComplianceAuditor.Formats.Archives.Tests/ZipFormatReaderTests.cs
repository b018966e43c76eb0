using System.Text;
using ComplianceAuditor.Unpacking;
using Xunit.Abstractions;

namespace ComplianceAuditor.Formats.Archives.Tests;

public sealed class ZipFormatReaderTests(ITestOutputHelper output)
{
    private readonly ZipFormatReader _reader = new();

    [Theory]
    [InlineData("tree.zip")]
    [InlineData("tree-zip64.zip")]
    public void Reads_the_tree_packed_by_Info_ZIP_file_by_file(string fixture)
    {
        var extracted = Fixtures.ReadAll(_reader, Fixtures.Source(fixture));

        TreeAssert.MatchesManifest(extracted, Fixtures.Manifest("manifest.tsv"), HardLinks.AsCopies, checkOwners: false);
    }

    [Fact]
    public void A_symlink_entry_is_a_link_with_its_content_as_target_not_a_file()
    {
        var link = Fixtures.ReadAll(_reader, Fixtures.Source("tree.zip")).Single(e => e.Entry.Path == "links/readme").Entry;

        Assert.Equal(EntryType.Symlink, link.Type);
        Assert.Equal("../README.txt", link.LinkTarget);
        Assert.Null(link.Open);
    }

    [Theory]
    [InlineData("tree.zip")]
    [InlineData("tree-zip64.zip")]
    public void Identify_reads_the_length_from_the_end_record(string fixture)
    {
        var bytes = Fixtures.Bytes(fixture);

        var match = _reader.Identify(bytes, bytes.Length);

        Assert.NotNull(match);
        Assert.Equal(bytes.Length, match.Length);
        Assert.Contains("23 entries", match.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_embedded_in_a_blob_is_found_and_read_without_the_bytes_around_it()
    {
        var zip = Fixtures.Bytes("tree.zip");
        var blob = new byte[4096 + zip.Length + 8192];
        new Random(3).NextBytes(blob);
        zip.CopyTo(blob, 4096);

        var match = _reader.Identify(blob.AsSpan(4096), blob.Length - 4096);
        var rest = UnpackSource.FromBytes("blob", blob).Slice(4096, blob.Length - 4096);
        var extracted = Fixtures.ReadAll(_reader, rest);

        Assert.Equal(zip.Length, match?.Length);
        TreeAssert.MatchesManifest(extracted, Fixtures.Manifest("manifest.tsv"), HardLinks.AsCopies, checkOwners: false);
    }

    [Fact]
    public void A_lone_local_header_is_still_a_zip_of_unknown_length()
    {
        var bytes = Fixtures.Bytes("tree.zip")[..200];

        var match = _reader.Identify(bytes, 1 << 20);

        Assert.NotNull(match);
        Assert.Null(match.Length);
    }

    [Fact]
    public void Identify_rejects_the_magic_number_without_a_sane_header()
    {
        byte[] magicThenText = [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("this is not a local file header at all, only text")];
        var badMethod = Fixtures.Bytes("tree.zip")[..200];
        badMethod[8] = 77;
        var badDate = Fixtures.Bytes("tree.zip")[..200];
        badDate[12] = 0xFF; // month 15

        Assert.Null(_reader.Identify(magicThenText, magicThenText.Length));
        Assert.Null(_reader.Identify(badMethod, badMethod.Length));
        Assert.Null(_reader.Identify(badDate, badDate.Length));
    }

    [Fact]
    public void Encrypted_entries_are_skipped_with_a_warning_and_the_rest_is_read()
    {
        var warnings = new List<string>();

        var extracted = Fixtures.ReadAll(_reader, Fixtures.Source("encrypted.zip"), warnings);

        var plain = Assert.Single(extracted);
        Assert.Equal("plain.txt", plain.Entry.Path);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("nothing to hide\n"u8)), plain.Sha256);
        Assert.Contains(warnings, w => w.Contains("secret.txt", StringComparison.Ordinal) && w.Contains("encrypted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zip_slip_archive_is_reported_with_its_hostile_paths_as_stored()
    {
        var entries = Fixtures.ReadAll(_reader, Fixtures.Source("hostile/zip-slip.zip"));

        Assert.Equal(["../../evil.txt", "/etc/evil"], entries.Select(e => e.Entry.Path));
        Assert.All(entries, e => Assert.Equal(EntryType.File, e.Entry.Type));
    }

    [Fact]
    public void A_changed_byte_in_a_stored_entry_fails_the_CRC_check()
    {
        var bytes = Fixtures.Bytes("tree.zip");
        bytes[EntryDataOffset(bytes, "README.txt") + 3] ^= 0x20;

        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadAll(_reader, UnpackSource.FromBytes("z", bytes)));

        Assert.Contains("README.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_deflate_data_surfaces_as_UnpackException_naming_the_entry()
    {
        var bytes = Fixtures.Bytes("tree.zip");
        var index = EntryDataOffset(bytes, "data/payload.txt");
        for (var i = 0; i < 40; i++)
        {
            bytes[index + 20 + i] ^= 0x5A;
        }

        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadAll(_reader, UnpackSource.FromBytes("z", bytes)));

        Assert.Contains("data/payload.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fuzzed_archives_fail_only_with_UnpackException()
    {
        var outcome = Fuzzer.Run(_reader, Fixtures.Bytes("tree.zip"), seed: 201);
        output.WriteLine(outcome.ToString());

        // The mutants must get as far as SharpCompress, or this would not test the wrapping at all.
        Assert.True(outcome.WrappedTotal > 0, outcome.ToString());
    }

    /// <summary>Offset of the (stored or compressed) data of entry <paramref name="name"/>, just after its local header.</summary>
    private static int EntryDataOffset(byte[] zip, string name)
    {
        for (var at = 0; at < zip.Length - 30; at++)
        {
            if (zip[at] == 0x50 && zip[at + 1] == 0x4B && zip[at + 2] == 3 && zip[at + 3] == 4)
            {
                var nameLength = BitConverter.ToUInt16(zip, at + 26);
                var extraLength = BitConverter.ToUInt16(zip, at + 28);
                if (Encoding.UTF8.GetString(zip, at + 30, nameLength) == name)
                {
                    return at + 30 + nameLength + extraLength;
                }
            }
        }

        throw new InvalidOperationException(name + " not found");
    }
}

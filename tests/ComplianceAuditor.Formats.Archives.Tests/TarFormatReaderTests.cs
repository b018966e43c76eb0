using System.Globalization;
using System.Text;
using ComplianceAuditor.Tests.Shared;
using ComplianceAuditor.Unpacking;
using Xunit.Abstractions;

namespace ComplianceAuditor.Formats.Archives.Tests;

public sealed class TarFormatReaderTests(ITestOutputHelper output)
{
    private readonly TarFormatReader _reader = new();

    [Theory]
    [InlineData("tree-gnu.tar")]
    [InlineData("tree-pax.tar")]
    public void Reads_the_tree_packed_by_GNU_tar_file_by_file(string fixture)
    {
        var extracted = Fixtures.ReadAll(_reader, Fixtures.Source(fixture));

        TreeAssert.MatchesManifest(extracted, Fixtures.Manifest("manifest.tsv"), HardLinks.AsLinks);
    }

    [Fact]
    public void Stored_file_content_is_reported_where_it_lies_in_the_archive()
    {
        var bytes = Fixtures.Bytes("tree-gnu.tar");
        var entry = _reader.Read(UnpackSource.FromBytes("t", bytes), Fixtures.Context()).Single(e => e.Path == "README.txt");

        Assert.NotNull(entry.Offset);
        Assert.Equal("Fixture tree for the archive readers.\n", Encoding.ASCII.GetString(bytes, (int)entry.Offset!.Value, (int)entry.Size));
    }

    [Theory]
    [InlineData("sparse-gnu.tar")]
    [InlineData("sparse-pax.tar")]
    public void Sparse_files_read_with_their_holes_as_zeros(string fixture)
    {
        var extracted = Fixtures.ReadAll(_reader, Fixtures.Source(fixture));

        var entry = Assert.Single(extracted);
        TreeAssert.MatchesManifest(extracted, Fixtures.Manifest("sparse.manifest.tsv"), HardLinks.AsLinks);
        Assert.Contains("sparse file", entry.Entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_fifos_hard_links_and_large_owner_ids_come_through()
    {
        var extracted = Fixtures.ReadAll(_reader, Fixtures.Source("devices.tar"));

        var expected = Fixtures.Lines("devices.manifest.tsv").ToList();
        Assert.Equal(expected.Select(f => f[0]), extracted.Select(e => e.Entry.Path));
        foreach (var (fields, actual) in expected.Zip(extracted))
        {
            var entry = actual.Entry;
            var type = fields[1] switch
            {
                "dir" => EntryType.Directory,
                "chardev" => EntryType.CharDevice,
                "blockdev" => EntryType.BlockDevice,
                "fifo" => EntryType.Fifo,
                "hardlink" => EntryType.HardLink,
                _ => EntryType.File,
            };
            Assert.Equal(type, entry.Type);
            Assert.Equal(Convert.ToInt32(fields[2], 8), entry.Mode);
            Assert.Equal(long.Parse(fields[6], CultureInfo.InvariantCulture), entry.Uid);
            Assert.Equal(long.Parse(fields[7], CultureInfo.InvariantCulture), entry.Gid);
            if (type is EntryType.CharDevice or EntryType.BlockDevice)
            {
                Assert.Equal((long.Parse(fields[8], CultureInfo.InvariantCulture), long.Parse(fields[9], CultureInfo.InvariantCulture)), entry.Device);
            }
            else
            {
                Assert.Null(entry.Device);
            }

            if (type == EntryType.HardLink)
            {
                Assert.Equal(fields[5], entry.LinkTarget);
            }

            if (type == EntryType.File)
            {
                Assert.Equal(fields[4], actual.Sha256);
            }
        }
    }

    [Fact]
    public void A_nested_tar_gz_is_a_gzip_stream_whose_content_is_the_tar()
    {
        var gzip = Fixtures.ReadAll(new GzipFormatReader(), Fixtures.Source("tree-gnu.tar.gz"));
        var stream = Fixtures.Lines("streams.tsv").Single(f => f[0] == "tree-gnu.tar.gz");

        Assert.Equal(stream[4], Assert.Single(gzip).Sha256);
        var inner = Fixtures.ReadContent(new GzipFormatReader().Read(Fixtures.Source("tree-gnu.tar.gz"), Fixtures.Context()).Single());
        TreeAssert.MatchesManifest(Fixtures.ReadAll(_reader, UnpackSource.FromBytes("inner", inner)), Fixtures.Manifest("manifest.tsv"), HardLinks.AsLinks);
    }

    [Theory]
    [InlineData("tree-gnu.tar", "GNU")]
    [InlineData("tree-pax.tar", "POSIX ustar")]
    [InlineData("sparse-gnu.tar", "GNU")]
    [InlineData("sparse-pax.tar", "POSIX ustar")]
    [InlineData("devices.tar", "GNU")]
    public void Identify_finds_the_end_marker_where_GNU_tar_lists_it(string fixture, string dialect)
    {
        var bytes = Fixtures.Bytes(fixture);
        var end = long.Parse(Fixtures.Lines("tar-ends.tsv").Single(f => f[0] == fixture)[1], CultureInfo.InvariantCulture);

        var match = _reader.Identify(bytes, bytes.Length);

        Assert.NotNull(match);
        Assert.Equal(end, match.Length);
        Assert.Contains(dialect, match.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_leaves_the_length_open_when_the_end_is_beyond_the_head()
    {
        var bytes = Fixtures.Bytes("tree-gnu.tar");

        var match = _reader.Identify(bytes.AsSpan(0, 8192), 1 << 30);

        Assert.NotNull(match);
        Assert.Null(match.Length);
    }

    [Fact]
    public void Identify_rejects_a_header_whose_checksum_is_wrong()
    {
        var bytes = Fixtures.Bytes("tree-gnu.tar");
        bytes[0] ^= 0x20;

        Assert.Null(_reader.Identify(bytes, bytes.Length));
    }

    [Fact]
    public void Identify_rejects_zeros_text_and_random_bytes()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("ustar ustar ustar 0000644 ", 200)));

        Assert.Null(_reader.Identify(new byte[4096], 4096));
        Assert.Null(_reader.Identify(random, random.Length));
        Assert.Null(_reader.Identify(text, text.Length));
    }

    [Fact]
    public void Identify_accepts_a_v7_header_without_magic()
    {
        var bytes = Fixtures.Bytes("tree-gnu.tar")[..1024];
        bytes.AsSpan(257, 255).Clear();
        WriteChecksum(bytes.AsSpan(0, 512));

        var match = _reader.Identify(bytes, 1 << 20);

        Assert.NotNull(match);
        Assert.Contains("v7", match.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tar_slip_archive_is_reported_with_its_hostile_paths_as_stored()
    {
        var entries = Fixtures.ReadAll(_reader, Fixtures.Source("hostile/tar-slip.tar"));

        // Rejecting these is the driver's job; the reader must neither hide nor "fix" them.
        Assert.Equal(["../../evil.txt", "/etc/evil", "link", "link/evil"], entries.Select(e => e.Entry.Path));
        Assert.Equal([EntryType.File, EntryType.File, EntryType.Symlink, EntryType.File], entries.Select(e => e.Entry.Type));
        Assert.Equal("/etc", entries[2].Entry.LinkTarget);
    }

    [Fact]
    public void A_symlink_loop_is_two_links_and_nothing_is_followed()
    {
        var entries = Fixtures.ReadAll(_reader, Fixtures.Source("hostile/symlink-loop.tar"));

        Assert.Equal([("a", EntryType.Symlink, "b"), ("b", EntryType.Symlink, "a")], entries.Select(e => (e.Entry.Path, e.Entry.Type, e.Entry.LinkTarget!)));
    }

    [Fact]
    public void An_entry_larger_than_the_archive_is_rejected_before_anything_is_read()
    {
        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadAll(_reader, Fixtures.Source("hostile/tar-oversize.tar")));

        Assert.Contains("huge.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("1073741824 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("past the end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_archive_keeps_the_entries_before_the_cut_and_names_the_one_cut()
    {
        var bytes = Fixtures.Bytes("tree-gnu.tar");
        var payload = _reader.Read(UnpackSource.FromBytes("t", bytes), Fixtures.Context()).Single(e => e.Path == "data/payload.txt");
        var cut = UnpackSource.FromBytes("cut", bytes.AsMemory(0, (int)(payload.Offset!.Value + 100)));

        var seen = new List<string>();
        var error = Assert.Throws<UnpackException>(() =>
        {
            foreach (var entry in _reader.Read(cut, Fixtures.Context()))
            {
                seen.Add(entry.Path);
            }
        });

        Assert.Contains("data/payload.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("data/blob.bin", seen);
    }

    [Fact]
    public void A_corrupt_header_in_the_middle_is_reported_with_its_offset()
    {
        var bytes = Fixtures.Bytes("tree-gnu.tar");
        var readme = _reader.Read(UnpackSource.FromBytes("t", bytes), Fixtures.Context()).First();
        var second = (int)(readme.Offset!.Value + 512);
        bytes[second + 10] ^= 0x01;

        var error = Assert.Throws<UnpackException>(() => Fixtures.ReadAll(_reader, UnpackSource.FromBytes("t", bytes)));

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"0x{second:x}"), error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_archive_without_its_end_marker_is_read_with_a_warning()
    {
        var bytes = Fixtures.Bytes("devices.tar");
        var end = long.Parse(Fixtures.Lines("tar-ends.tsv").Single(f => f[0] == "devices.tar")[1], CultureInfo.InvariantCulture);
        var warnings = new List<string>();

        var entries = Fixtures.ReadAll(_reader, UnpackSource.FromBytes("t", bytes.AsMemory(0, (int)(end - 1024))), warnings);

        Assert.Equal(9, entries.Count);
        Assert.Contains(warnings, w => w.Contains("end-of-archive marker", StringComparison.Ordinal));
    }

    [SharedFact("corpus/mender-artifact/tests/data/DERIVED-a0-unsigned.mender")]
    public void Opens_an_unsigned_Mender_artifact_leaving_the_nested_tar_gz_as_entries()
    {
        var entries = Fixtures.ReadAll(_reader, Corpus("DERIVED-a0-unsigned.mender"));

        // Names and sizes as `tar -tvf` lists them.
        Assert.Equal([("version", 31L), ("manifest", 241L), ("header.tar.gz", 346L), ("data/0000.tar.gz", 113L)],
            entries.Select(e => (e.Entry.Path, e.ContentLength)));
        AssertNestedGzip(Corpus("DERIVED-a0-unsigned.mender"));
    }

    [SharedFact("corpus/mender-artifact/tests/data/a0-signed-nitro.mender")]
    public void Opens_a_signed_Mender_artifact_with_its_signature_entry()
    {
        var entries = Fixtures.ReadAll(_reader, Corpus("a0-signed-nitro.mender"));

        Assert.Equal([("version", 31L), ("manifest", 241L), ("manifest.sig", 96L), ("header.tar.gz", 346L), ("data/0000.tar.gz", 113L)],
            entries.Select(e => (e.Entry.Path, e.ContentLength)));
        Assert.All(entries, e => Assert.Equal(EntryType.File, e.Entry.Type));
        AssertNestedGzip(Corpus("a0-signed-nitro.mender"));
    }

    [Fact]
    public void Fuzzed_GNU_archives_fail_only_with_UnpackException()
    {
        var outcome = Fuzzer.Run(_reader, Fixtures.Bytes("tree-gnu.tar"), seed: 101, reseal: Fuzzer.ResealTar);
        output.WriteLine(outcome.ToString());

        // Our own parser: every failure is one of its own checks, and the resealed mutants get past the checksums.
        Assert.Equal(0, outcome.WrappedTotal);
        Assert.True(outcome.Clean > 0 && outcome.Rejected > 0, outcome.ToString());
    }

    [Fact]
    public void Fuzzed_pax_sparse_archives_fail_only_with_UnpackException()
    {
        var outcome = Fuzzer.Run(_reader, Fixtures.Bytes("sparse-pax.tar"), seed: 102, reseal: Fuzzer.ResealTar);
        output.WriteLine(outcome.ToString());

        // Our own parser: every failure is one of its own checks, and the resealed mutants get past the checksums.
        Assert.Equal(0, outcome.WrappedTotal);
        Assert.True(outcome.Clean > 0 && outcome.Rejected > 0, outcome.ToString());
    }

    [Fact]
    public void Fuzzed_old_GNU_sparse_archives_fail_only_with_UnpackException()
    {
        var outcome = Fuzzer.Run(_reader, Fixtures.Bytes("sparse-gnu.tar"), seed: 103, reseal: Fuzzer.ResealTar);
        output.WriteLine(outcome.ToString());

        // Our own parser: every failure is one of its own checks, and the resealed mutants get past the checksums.
        Assert.Equal(0, outcome.WrappedTotal);
        Assert.True(outcome.Clean > 0 && outcome.Rejected > 0, outcome.ToString());
    }

    private static UnpackSource Corpus(string name)
    {
        var path = Path.Combine(RepositoryPaths.Shared, "corpus", "mender-artifact", "tests", "data", name);
        return UnpackSource.FromBytes(name, File.ReadAllBytes(path));
    }

    private void AssertNestedGzip(UnpackSource artifact)
    {
        var header = _reader.Read(artifact, Fixtures.Context()).Single(e => e.Path == "header.tar.gz");
        var bytes = Fixtures.ReadContent(header);
        var gzip = new GzipFormatReader();
        Assert.NotNull(gzip.Identify(bytes, bytes.Length));
        var inner = Fixtures.ReadContent(gzip.Read(UnpackSource.FromBytes("header.tar.gz", bytes), Fixtures.Context()).Single());
        Assert.NotNull(_reader.Identify(inner, inner.Length));
    }

    private static void WriteChecksum(Span<byte> header)
    {
        header.Slice(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header)
        {
            sum += b;
        }

        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header[148..]);
    }
}

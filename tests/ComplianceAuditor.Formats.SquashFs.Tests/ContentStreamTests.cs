using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs.Tests;

/// <summary>How file content streams behave for the caller: odd read sizes, stopping early, cancellation.</summary>
public sealed class ContentStreamTests
{
    private static readonly Dictionary<string, string> ManifestHashes = File.ReadAllLines(Images.Fixture("manifest.tsv"))
        .Where(line => !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Where(fields => fields[1] == "file")
        .ToDictionary(fields => fields[0], fields => fields[6]);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Reads_of_every_small_size_give_the_same_bytes(int threads)
    {
        // 1 to 13 bytes at a time across 4 KiB blocks, sparse blocks and the fragment tail.
        foreach (var entry in new SquashFsReader(threads).Read(Images.Source(Images.Fixture("gzip-4k.sqfs")), Images.Context()))
        {
            if (entry.Path is not ("data/sparse.bin" or "data/tail.bin" or "bin/tool"))
            {
                continue;
            }

            using var stream = entry.Open!();
            using var copy = new MemoryStream();
            var buffer = new byte[13];
            var size = 1;
            int n;
            while ((n = stream.Read(buffer, 0, size)) > 0)
            {
                copy.Write(buffer, 0, n);
                size = size % 13 + 1;
            }

            Assert.Equal(ManifestHashes[entry.Path], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy.ToArray())));
            Assert.Equal(0, stream.Read(buffer, 0, 1)); // and it stays at the end
        }
    }

    [Fact]
    public void Closing_a_stream_halfway_leaves_the_rest_of_the_image_readable()
    {
        // With 4 threads, blocks are being decompressed ahead of the reader when it stops.
        var hashes = new Dictionary<string, string>();
        foreach (var entry in new SquashFsReader(4).Read(Images.Source(Images.Fixture("gzip-4k.sqfs")), Images.Context()))
        {
            if (entry.Open is null)
            {
                continue;
            }

            using var stream = entry.Open();
            if (entry.Path == "data/exact-128k.bin")
            {
                stream.ReadExactly(new byte[5000]);
                continue;
            }

            hashes[entry.Path] = Images.Hash(stream).Sha256;
        }

        Assert.Equal(ManifestHashes["data/tail.bin"], hashes["data/tail.bin"]);
        Assert.Equal(ManifestHashes.Count - 1, hashes.Count);
    }

    [Fact]
    public void Content_streams_are_read_only_and_know_their_length()
    {
        var entry = new SquashFsReader().Read(Images.Source(Images.Fixture("gzip.sqfs")), Images.Context())
            .First(e => e.Path == "data/exact-128k.bin");

        using var stream = entry.Open!();

        Assert.True(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Equal(131072, stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
    }

    [Fact]
    public void A_cancelled_token_stops_the_enumeration()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new SquashFsReader().Read(Images.Source(Images.Fixture("gzip.sqfs")), Images.Context(cancellationToken: cancel.Token)).ToList());
    }

    [Fact]
    public void Two_enumerations_of_one_reader_run_side_by_side()
    {
        // The reader is stateless: everything about an image lives in its enumeration.
        var reader = new SquashFsReader(2);
        var first = reader.Read(Images.Source(Images.Fixture("gzip.sqfs")), Images.Context()).GetEnumerator();
        var second = reader.Read(Images.Source(Images.Fixture("xz.sqfs")), Images.Context()).GetEnumerator();
        var paths = new List<(string, string)>();

        while (first.MoveNext() & second.MoveNext())
        {
            paths.Add((first.Current.Path, second.Current.Path));
            if (first.Current.Open is not null)
            {
                using var a = first.Current.Open();
                using var b = second.Current.Open!();
                Assert.Equal(Images.Hash(a), Images.Hash(b));
            }
        }

        Assert.Equal(ManifestHashes.Count, paths.Count(p => ManifestHashes.ContainsKey(p.Item1)));
        Assert.All(paths, p => Assert.Equal(p.Item1, p.Item2));
    }

    [Fact]
    public void Read_rejects_what_is_not_squashfs_at_once()
    {
        var error = Assert.Throws<UnpackException>(() => new SquashFsReader().Read(UnpackSource.FromBytes("zeros.bin", new byte[4096]), Images.Context()));

        Assert.Equal("squashfs: 'zeros.bin' does not start with a squashfs superblock", error.Message);
    }
}

namespace ComplianceAuditor.Formats.SquashFs.Tests;

/// <summary>
/// The walk's read-ahead: blocks decompressed for files not handed out yet are accounted for, whether the caller
/// opens the files, skips them or stops early, and content read through CopyTo matches the manifest.
/// </summary>
public sealed class ReadAheadTests
{
    private static readonly Dictionary<string, string> ManifestHashes = File.ReadAllLines(Images.Fixture("manifest.tsv"))
        .Where(line => !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Where(fields => fields[1] == "file")
        .ToDictionary(fields => fields[0], fields => fields[6]);

    [Theory]
    [InlineData("gzip.sqfs", 0)] // open every file
    [InlineData("gzip.sqfs", 2)] // open every second file
    [InlineData("gzip-4k.sqfs", 3)]
    [InlineData("gzip-4k.sqfs", int.MaxValue)] // open none
    public void The_read_ahead_budget_is_whole_again_after_the_walk(string name, int skipEvery)
    {
        var image = Open(name, threads: 3);
        var budget = image.ReadAheadBudget;
        var files = 0;

        foreach (var entry in new SquashFsTree(image).Walk())
        {
            if (entry.Open is null || (skipEvery > 0 && files++ % skipEvery != 0))
            {
                continue;
            }

            using var stream = entry.Open();
            stream.CopyTo(Stream.Null);
        }

        Assert.True(budget > 0, "with 3 threads the walk reads ahead");
        Assert.Equal(budget, image.ReadAheadLeft);
    }

    [Theory]
    [InlineData("gzip.sqfs", 2, 64, 16)] // 128 KiB blocks: 8 MiB ahead, a quarter of it within one file
    [InlineData("gzip-4k.sqfs", 2, 256, 64)] // 4 KiB blocks: capped in number, 1 MiB ahead
    [InlineData("gzip.sqfs", 1, 0, 1)] // one thread: nothing ahead
    public void Read_ahead_is_sized_in_bytes_and_bounded(string name, int threads, int budget, int window)
    {
        var image = Open(name, threads);

        Assert.Equal(budget, image.ReadAheadBudget);
        Assert.Equal(window, image.Window);
        Assert.True((long)(budget + window) * image.Super.BlockSize <= 10L << 20, "at most 10 MiB of blocks in flight");
    }

    [Fact]
    public void Stopping_the_walk_early_gives_every_block_back()
    {
        var image = Open("gzip-4k.sqfs", threads: 4);

        // Half-read one large file and leave while blocks of it and of the files after it are in flight.
        foreach (var entry in new SquashFsTree(image).Walk())
        {
            if (entry.Path == "data/exact-128k.bin")
            {
                using var stream = entry.Open!();
                stream.ReadExactly(new byte[10000]);
                break;
            }
        }

        Assert.Equal(image.ReadAheadBudget, image.ReadAheadLeft);
    }

    [Theory]
    [InlineData("gzip.sqfs", 2)]
    [InlineData("gzip-4k.sqfs", 4)]
    [InlineData("xz.sqfs", 2)]
    public void CopyTo_writes_the_same_bytes_as_Read(string name, int threads)
    {
        var checkedFiles = 0;
        foreach (var entry in new SquashFsReader(threads).Read(Images.Source(Images.Fixture(name)), Images.Context()))
        {
            if (entry.Open is null)
            {
                continue;
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            Assert.Equal(ManifestHashes[entry.Path], Images.Hash(copy).Sha256);
            checkedFiles++;
        }

        Assert.Equal(ManifestHashes.Count, checkedFiles);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_broken_fragment_table_fails_the_file_that_needs_it_and_nothing_before(int threads)
    {
        // small.sqfs with its fragment index pointing far outside the image: the walk (reading ahead or not) still
        // hands out every entry in order, and only reading the two files whose tails are in a fragment fails.
        var bytes = File.ReadAllBytes(Images.Fixture("small.sqfs"));
        var fragmentIndex = (int)BitConverter.ToInt64(bytes, 80);
        BitConverter.GetBytes(0x7fff_ffffL).CopyTo(bytes, fragmentIndex);
        var image = Open(Unpacking.UnpackSource.FromBytes("small.sqfs", bytes), threads);
        var seen = new List<string>();
        var failures = new List<string>();

        foreach (var entry in new SquashFsTree(image).Walk())
        {
            seen.Add(entry.Path);
            if (entry.Open is null)
            {
                continue;
            }

            try
            {
                using var stream = entry.Open();
                stream.CopyTo(Stream.Null);
            }
            catch (Unpacking.UnpackException e)
            {
                failures.Add(entry.Path + ": " + e.Message);
            }
        }

        Assert.Equal(["big.bin", "sub", "sub/file.txt", "sub/inner", "sub/inner/leaf.txt"], seen);
        Assert.Collection(
            failures,
            f => Assert.StartsWith("sub/file.txt: squashfs: fragment table block at 0x7fffffff", f, StringComparison.Ordinal),
            f => Assert.StartsWith("sub/inner/leaf.txt: squashfs: fragment table block at 0x7fffffff", f, StringComparison.Ordinal));
        Assert.Equal(image.ReadAheadBudget, image.ReadAheadLeft);
    }

    [Fact]
    public void Content_opens_once()
    {
        var entry = new SquashFsReader(2).Read(Images.Source(Images.Fixture("gzip.sqfs")), Images.Context()).First(e => e.Open is not null);

        using var first = entry.Open!();

        Assert.Throws<InvalidOperationException>(() => entry.Open!());
    }

    private static SquashFsImage Open(string name, int threads) => Open(Images.Source(Images.Fixture(name)), threads);

    private static SquashFsImage Open(Unpacking.UnpackSource source, int threads)
    {
        var head = new byte[Superblock.Size];
        source.ReadAt(0, head);
        var super = Superblock.Parse(head, source.Length, out _)!;
        return SquashFsImage.Open(source, super, threads, useSystemLibraries: true, Images.Context());
    }
}

using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.SquashFs.Tests;

/// <summary>
/// The fixtures make-hostile.py derives from small.sqfs, one broken structure each: every one ends in an
/// <see cref="UnpackException"/> that names the problem, never in another exception or a hang.
/// </summary>
public sealed class HostileImageTests
{
    private static readonly SquashFsReader Reader = new();

    private static UnpackSource Hostile(string name) => Images.Source(Images.Fixture(Path.Combine("hostile", name)));

    [Fact]
    public void The_base_image_of_the_hostile_fixtures_reads_cleanly()
    {
        var entries = Images.ReadAll(Reader, Images.Source(Images.Fixture("small.sqfs")));

        // The content build.sh wrote into the tree it packed.
        var big = string.Concat(Enumerable.Range(0, 400).Select(i => Images.Invariant($"big line {i:00000}\n")));
        Assert.Equal(["big.bin", "sub", "sub/file.txt", "sub/inner", "sub/inner/leaf.txt"], entries.Select(e => e.Entry.Path));
        Assert.Equal(Sha256(big), entries[0].Sha256);
        Assert.Equal(Sha256("a small file in a fragment\n"), entries[2].Sha256);
        Assert.Equal(Sha256("leaf\n"), entries[4].Sha256);
    }

    [Fact]
    public void A_truncated_image_is_not_identified_and_Read_says_it_is_truncated()
    {
        var bytes = File.ReadAllBytes(Images.Fixture("hostile/truncated.sqfs"));

        Assert.Null(Reader.Identify(bytes, bytes.Length));
        var error = Assert.Throws<UnpackException>(() => Reader.Read(Hostile("truncated.sqfs"), Images.Context()));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("bytes_used", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_directory_that_points_back_at_its_parent_is_a_cycle(int threads)
    {
        // With 4 threads the walk reads ahead and meets the cycle early; it still reports it after the entries before it.
        var seen = new List<string>();

        var error = Assert.Throws<UnpackException>(() =>
        {
            foreach (var entry in new SquashFsReader(threads).Read(Hostile("cyclic-directory.sqfs"), Images.Context()))
            {
                seen.Add(entry.Path);
            }
        });

        Assert.Contains("directory 'sub/inner'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Equal(["big.bin", "sub", "sub/file.txt"], seen); // what came before the bad entry is kept
    }

    [Fact]
    public void A_block_list_pointing_past_the_end_fails_while_reading_naming_file_and_block()
    {
        var entries = Reader.Read(Hostile("block-past-end.sqfs"), Images.Context()).GetEnumerator();
        Assert.True(entries.MoveNext());
        Assert.Equal("big.bin", entries.Current.Path);

        using var content = entries.Current.Open!();
        var error = Assert.Throws<UnpackException>(() => content.ReadExactly(new byte[100]));

        Assert.Contains("file 'big.bin' block 0 at 0x7ffff000", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absurd_inode_count_is_rejected_from_the_superblock()
    {
        var bytes = File.ReadAllBytes(Images.Fixture("hostile/absurd-inode-count.sqfs"));

        Assert.Null(Reader.Identify(bytes, bytes.Length));
        var error = Assert.Throws<UnpackException>(() => Reader.Read(Hostile("absurd-inode-count.sqfs"), Images.Context()));
        Assert.Contains("inode count 4294967295 does not fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absurd_table_offset_is_rejected_from_the_superblock()
    {
        var bytes = File.ReadAllBytes(Images.Fixture("hostile/absurd-table-offset.sqfs"));

        Assert.Null(Reader.Identify(bytes, bytes.Length));
        var error = Assert.Throws<UnpackException>(() => Reader.Read(Hostile("absurd-table-offset.sqfs"), Images.Context()));
        Assert.Contains("directory table at 0x10000000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metadata_block_longer_than_8_KiB_is_rejected()
    {
        var error = Assert.Throws<UnpackException>(() => Images.ReadAll(Reader, Hostile("metadata-too-long.sqfs")));

        Assert.Contains("directory table block at 0x", error.Message, StringComparison.Ordinal);
        Assert.Contains("declares 8448 stored bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_data_block_that_expands_beyond_the_block_size_is_a_bomb(int threads)
    {
        var entries = new SquashFsReader(threads).Read(Hostile("bomb.sqfs"), Images.Context()).GetEnumerator();
        Assert.True(entries.MoveNext());

        using var content = entries.Current.Open!();
        var error = Assert.Throws<UnpackException>(() => content.CopyTo(Stream.Null));

        Assert.Contains("file 'big.bin' block 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("decompresses to more than 4096 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_holding_a_slash_is_rejected()
    {
        var error = Assert.Throws<UnpackException>(() => Images.ReadAll(Reader, Hostile("slash-in-name.sqfs")));

        Assert.Contains("directory 'sub' has an entry named 'fi/e.txt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_corruption_of_a_valid_image_only_ever_raises_UnpackException()
    {
        // Flip bytes anywhere in two valid images (fixed seed), then read everything, content included.
        var random = new Random(20240601);
        var outcomes = new Dictionary<string, int>();
        foreach (var name in new[] { "small.sqfs", "gzip-4k.sqfs" })
        {
            var original = File.ReadAllBytes(Images.Fixture(name));
            for (var i = 0; i < 150; i++)
            {
                var bytes = (byte[])original.Clone();
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    bytes[random.Next(96, bytes.Length)] ^= (byte)random.Next(1, 256);
                }

                try
                {
                    Images.ReadAll(new SquashFsReader(2), UnpackSource.FromBytes(name, bytes));
                    outcomes["read"] = outcomes.GetValueOrDefault("read") + 1;
                }
                catch (UnpackException e)
                {
                    Assert.StartsWith("squashfs: ", e.Message, StringComparison.Ordinal);
                    outcomes["malformed"] = outcomes.GetValueOrDefault("malformed") + 1;
                }
            }
        }

        Assert.True(outcomes.GetValueOrDefault("malformed") > 0, "some corruption must be detected");
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}

using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>The store of packed blocks keeps what fits its budget in memory, the rest on disk, and gives back the same bytes.</summary>
public sealed class BlockStoreTests
{
    [Fact]
    public void Blocks_past_the_budget_go_to_disk_and_read_back_unchanged()
    {
        using var dir = new TempDirectory();
        using var store = new BlockStore(dir.Path, memoryBudget: 10_000);
        var blocks = Enumerable.Range(0, 40).Select(i => Block(i, 1_000 + (i * 37))).ToArray();

        var ids = blocks.Select(b => store.Add(b.AsSpan())).ToArray();

        Assert.True(store.BytesInMemory <= 10_000);
        Assert.Equal(blocks.Sum(b => (long)b.Length), store.BytesInMemory + store.BytesOnDisk);
        Assert.True(store.BytesOnDisk > 0);

        // Read out of order, twice, so that both the disk and the cache of recent blocks answer.
        foreach (var i in Enumerable.Range(0, 40).Reverse().Concat(Enumerable.Range(0, 40)))
        {
            Assert.Equal(blocks[i], store.Get(ids[i]));
        }
    }

    [Fact]
    public void The_spill_file_has_no_name_while_open_and_nothing_is_left_after()
    {
        using var dir = new TempDirectory();
        using (var store = new BlockStore(dir.Path, memoryBudget: 0))
        {
            var id = store.Add(Block(1, 5000).AsSpan());
            Assert.Equal(5000, store.BytesOnDisk);
            Assert.Equal(Block(1, 5000), store.Get(id));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
            }
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Readers_on_several_threads_see_the_same_bytes()
    {
        using var dir = new TempDirectory();
        using var store = new BlockStore(dir.Path, memoryBudget: 50_000);
        var blocks = Enumerable.Range(0, 64).Select(i => Block(i, 4096)).ToArray();
        var ids = blocks.Select(b => store.Add(b)).ToArray();

        var readers = Enumerable.Range(0, 4).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            for (var n = 0; n < 2000; n++)
            {
                var i = random.Next(blocks.Length);
                if (!store.Get(ids[i]).AsSpan().SequenceEqual(blocks[i]))
                {
                    return false;
                }
            }

            return true;
        }));

        Assert.All(await Task.WhenAll(readers), Assert.True);
    }

    [Fact]
    public void A_freed_block_no_longer_counts_and_cannot_be_read()
    {
        var store = BlockStore.InMemory();
        var kept = store.Add(Block(1, 300).AsSpan());
        var freed = store.Add(Block(2, 700).AsSpan());

        store.Free(freed);

        Assert.Equal(300, store.BytesInMemory);
        Assert.Equal(Block(1, 300), store.Get(kept));
        Assert.Throws<InvalidOperationException>(() => store.Get(freed));
    }

    [Fact]
    public void A_spill_folder_that_cannot_be_written_is_named_in_the_error()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "gone");
        using var store = new BlockStore(missing, memoryBudget: 0);

        var error = Assert.Throws<IOException>(() => store.Add(Block(1, 10).AsSpan()));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private static byte[] Block(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

using System.Text;
using ComplianceAuditor.Repository.Objects;
using ComplianceAuditor.Tests.Shared;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Tests;

/// <summary>
/// The reader of raw objects against libgit2 on the same repository: every object of a packed history, deltas included,
/// reads the same; a damaged pack or index is handed back to libgit2, never thrown.
/// </summary>
public sealed class ObjectStoreTests
{
    [GitFact]
    public void Every_object_of_a_packed_history_reads_as_libgit2_reads_it()
    {
        using var git = PackedHistory();
        using var store = new ObjectStore(Path.Combine(git.Root, ".git"));
        var blobs = 0;
        foreach (var commit in git.Repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = git.Repo.Head }))
        {
            foreach (var entry in commit.Tree)
            {
                var raw = store.Read(entry.Target.Id.RawId, long.MaxValue);
                Assert.Equal(ReadStatus.Ok, raw.Status);
                if (entry.Target is Blob blob)
                {
                    Assert.Equal(RawKind.Blob, raw.Kind);
                    Assert.Equal(Bytes(blob), raw.Data);
                    blobs++;
                }
            }

            Assert.Equal(RawKind.Tree, store.Read(commit.Tree.Id.RawId, long.MaxValue).Kind);
        }

        Assert.True(blobs > 20);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(git.Root, ".git", "objects", "pack"), "*.pack"));
    }

    [GitFact]
    public void An_object_over_the_limit_is_sized_not_read()
    {
        using var git = PackedHistory();
        using var store = new ObjectStore(Path.Combine(git.Root, ".git"));
        var blob = (Blob)git.Repo.Head.Tip.Tree["notes.txt"].Target;

        var raw = store.Read(blob.Id.RawId, 10);

        Assert.Equal(ReadStatus.TooLarge, raw.Status);
        Assert.Equal(blob.Size, raw.Size);
        Assert.Empty(raw.Data);
    }

    [GitFact]
    public void A_damaged_pack_is_left_to_libgit2_and_never_throws()
    {
        using var git = PackedHistory();
        var pack = Directory.GetFiles(Path.Combine(git.Root, ".git", "objects", "pack"), "*.pack").Single();
        var bytes = File.ReadAllBytes(pack);
        for (var i = 12; i < bytes.Length - 20; i += 7)
        {
            bytes[i] ^= 0x5a;
        }

        File.WriteAllBytes(pack, bytes);
        using var store = new ObjectStore(Path.Combine(git.Root, ".git"));

        foreach (var entry in git.Repo.Head.Tip.Tree)
        {
            var raw = store.Read(entry.Target.Id.RawId, 1 << 20);
            Assert.True(raw.Status == ReadStatus.NotHere || raw.Data.Length <= 1 << 20);
        }
    }

    [Fact]
    public void A_truncated_or_foreign_index_is_not_used()
    {
        using var temp = new TempDirectory();
        var packs = Path.Combine(temp.Path, "objects", "pack");
        Directory.CreateDirectory(packs);
        File.WriteAllBytes(Path.Combine(packs, "pack-a.idx"), [0xff, (byte)'t', (byte)'O', (byte)'c', 0, 0, 0, 2, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(packs, "pack-a.pack"), Encoding.ASCII.GetBytes("PACK"));
        using var store = new ObjectStore(temp.Path);

        Assert.Equal(ReadStatus.NotHere, store.Read(new byte[20], 100).Status);
    }

    [Fact]
    public void A_reference_delta_naming_itself_is_refused()
    {
        using var temp = new TempDirectory();
        var id = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        WriteSinglePack(temp.Path, id, entry: Concat([(7 << 4) | 4], id, Deflate([3, 3, 0x90, 3])));
        using var store = new ObjectStore(temp.Path);

        Assert.Equal(ReadStatus.Refused, store.Read(id, 1 << 20).Status);
    }

    [Fact]
    public void An_entry_whose_data_goes_on_past_its_stated_size_is_not_taken_as_read()
    {
        using var temp = new TempDirectory();
        var id = Enumerable.Range(1, 20).Select(i => (byte)(i * 3)).ToArray();
        WriteSinglePack(temp.Path, id, entry: Concat([(3 << 4) | 2], Deflate(Encoding.ASCII.GetBytes("hello"))));
        using var store = new ObjectStore(temp.Path);

        Assert.Equal(ReadStatus.NotHere, store.Read(id, 1 << 20).Status);
    }

    [Fact]
    public void A_hand_made_pack_with_one_blob_reads_back()
    {
        using var temp = new TempDirectory();
        var id = Enumerable.Range(1, 20).Select(i => (byte)(255 - i)).ToArray();
        WriteSinglePack(temp.Path, id, entry: Concat([(3 << 4) | 5], Deflate(Encoding.ASCII.GetBytes("hello"))));
        using var store = new ObjectStore(temp.Path);

        var raw = store.Read(id, 1 << 20);

        Assert.Equal(ReadStatus.Ok, raw.Status);
        Assert.Equal(RawKind.Blob, raw.Kind);
        Assert.Equal("hello", Encoding.ASCII.GetString(raw.Data));
    }

    /// <summary>A pack of one entry at offset 12 and its version 2 index (git's pack-format documentation).</summary>
    private static void WriteSinglePack(string gitDirectory, byte[] id, byte[] entry)
    {
        var packs = Path.Combine(gitDirectory, "objects", "pack");
        Directory.CreateDirectory(packs);
        File.WriteAllBytes(Path.Combine(packs, "pack-test.pack"), Concat("PACK"u8.ToArray(), [0, 0, 0, 2, 0, 0, 0, 1], entry, new byte[20]));
        var fanout = new byte[256 * 4];
        for (int i = id[0]; i < 256; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(fanout.AsSpan(i * 4), 1);
        }

        File.WriteAllBytes(Path.Combine(packs, "pack-test.idx"), Concat([0xff, (byte)'t', (byte)'O', (byte)'c', 0, 0, 0, 2], fanout, id, new byte[4], [0, 0, 0, 12], new byte[40]));
    }

    private static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    [Theory]
    [InlineData(new byte[] { 3, 3, 0x91, 1, 3 })]
    [InlineData(new byte[] { 3, 3, 5, 1, 2 })]
    [InlineData(new byte[] { 3, 3, 0 })]
    [InlineData(new byte[] { 4, 3, 0x90, 3 })]
    [InlineData(new byte[] { 3, 0xff })]
    public void A_malformed_delta_is_refused(byte[] delta)
    {
        Assert.Throws<InvalidDataException>(() => Delta.Apply([1, 2, 3], delta));
    }

    [Fact]
    public void A_delta_copies_and_inserts()
    {
        // Source "abcdef"; copy 3 bytes at offset 2 ("cde"), insert "XY": "cdeXY".
        var result = Delta.Apply(Encoding.ASCII.GetBytes("abcdef"), [6, 5, 0x91, 2, 3, 2, (byte)'X', (byte)'Y']);

        Assert.Equal("cdeXY", Encoding.ASCII.GetString(result));
    }

    /// <summary>Thirty commits editing a few files, repacked by git so most versions are stored as deltas.</summary>
    private static GitRepoBuilder PackedHistory()
    {
        var git = new GitRepoBuilder();
        var text = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            text.Append("line ").Append(i).Append(" of the notes, long enough to be worth a delta\n");
            git.Write("notes.txt", text.ToString()).Write($"src/file{i % 4}.c", $"int value = {i};\n{text}").Commit($"commit {i}");
        }

        HostileHistoryTests.Git(git.Root, "", "-c", "gc.auto=0", "repack", "-a", "-d", "-q", "--depth=50", "--window=50");
        return git;
    }

    private static byte[] Bytes(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

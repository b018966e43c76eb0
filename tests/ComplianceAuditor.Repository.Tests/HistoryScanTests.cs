using System.Text;

namespace ComplianceAuditor.Repository.Tests;

public sealed class HistoryScanTests
{
    private const string Secret = "aws_key = AKIAQWERTYUIOPASDFGH";

    [Fact]
    public void Secret_added_deep_and_deleted_later_is_found_with_its_commit()
    {
        using var b = new GitRepoBuilder();
        b.Write("readme.md", "hello\n").Commit("c1");
        b.Write("src/a.txt", "one\n").Commit("c2");
        b.Write("conf/app.env", "name=x\nport=1\n" + Secret + "\n").Commit("c3");
        var adding = b.Write("conf/app.env", "name=x\nport=2\n" + Secret + "\n").Commit("c4");
        b.Delete("conf/app.env").Commit("c5 remove secret");
        b.Write("src/a.txt", "one\ntwo\n").Commit("c6");

        var (result, items) = b.Scan();

        Assert.Empty(result.Problems);
        Assert.Equal(6, result.CommitCount);
        var hit = Assert.Single(items, i => i.Kind == HistoryItemKind.AddedLines && i.Lines.Any(l => l.Text == Secret));
        var c3 = adding.Parents.Single();
        Assert.Equal(c3.Sha, hit.CommitId);
        Assert.Equal("conf/app.env", hit.Path);
        Assert.Equal(3, hit.Lines.Single(l => l.Text == Secret).LineNumber);
        Assert.Equal("Ann Author", hit.AuthorName);
        Assert.Equal("ann@example.test", hit.AuthorEmail);
        Assert.Equal("2024-03-01T14:00:00Z", hit.AuthorDateIso);
        Assert.Equal(c3.Tree["conf/app.env"].Target.Sha, hit.BlobId);

        // c4 changed only the port line: it adds that line, not the secret again.
        var c4Lines = items.Where(i => i.CommitId == adding.Sha && i.Kind == HistoryItemKind.AddedLines).SelectMany(i => i.Lines).ToList();
        Assert.Equal([new AddedLine(2, "port=2")], c4Lines);
    }

    [Fact]
    public void Secret_only_on_a_side_branch_is_found()
    {
        using var b = new GitRepoBuilder();
        var c1 = b.Write("a.txt", "a\n").Commit("c1");
        var mainBranch = b.Repo.Head.FriendlyName;
        b.Write("b.txt", "b\n").Commit("c2 on main");
        b.Checkout("side", c1);
        var side = b.Write("leak.txt", Secret + "\n").Commit("side leak");
        b.Checkout(mainBranch);

        var (_, items) = b.Scan();

        var hit = Assert.Single(items, i => i.Kind == HistoryItemKind.AddedLines && i.Lines.Any(l => l.Text == Secret));
        Assert.Equal(side.Sha, hit.CommitId);
        Assert.Equal(new AddedLine(1, Secret), hit.Lines.Single());
    }

    [Fact]
    public void Binary_blob_committed_on_two_branches_is_reported_once_with_its_bytes()
    {
        var key = new byte[] { 0x30, 0x82, 0x01, 0x00, 0x00, 0x02, 0x01, 0x00, 0xFF, 0x10 };
        using var b = new GitRepoBuilder();
        var c1 = b.Write("a.txt", "a\n").Commit("c1");
        b.Write("keys/device.der", key).Commit("key on main");
        b.Checkout("side", c1);
        b.Write("other/copy.der", key).Commit("same key on side");

        var blobs = new List<(string BlobId, byte[] Bytes)>();
        HistoryScan.Run(b.Repo, new HistoryScanOptions(), item =>
        {
            if (item.Kind == HistoryItemKind.NewBlob && item.Size == key.Length)
            {
                using var stream = item.OpenContent()!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                blobs.Add((item.BlobId, copy.ToArray()));
            }
        });

        var single = Assert.Single(blobs);
        Assert.Equal(key, single.Bytes);
    }

    [Fact]
    public void Since_revision_excludes_older_commits()
    {
        using var b = new GitRepoBuilder();
        var c1 = b.Write("old.txt", Secret + "\n").Commit("c1");
        var c2 = b.Write("new.txt", "fresh\n").Commit("c2");

        var (result, items) = b.Scan(new HistoryScanOptions { Since = c1.Sha });

        Assert.Equal(1, result.CommitCount);
        Assert.All(items, i => Assert.Equal(c2.Sha, i.CommitId));
        Assert.DoesNotContain(items, i => i.Path == "old.txt");
        Assert.Contains(items, i => i.Path == "new.txt" && i.Kind == HistoryItemKind.AddedLines);
    }

    [Fact]
    public void Unknown_since_revision_is_a_problem_not_a_full_scan()
    {
        using var b = new GitRepoBuilder();
        b.Write("a.txt", "a\n").Commit("c1");

        var (result, items) = b.Scan(new HistoryScanOptions { Since = "no-such-branch" });

        Assert.Empty(items);
        Assert.Contains(result.Problems, p => p.Contains("no-such-branch", StringComparison.Ordinal));
    }

    [Fact]
    public void Head_mode_lists_only_head_files_each_blob_once()
    {
        using var b = new GitRepoBuilder();
        b.Write("gone.txt", Secret + "\n").Commit("c1");
        b.Delete("gone.txt").Write("x/one.txt", "same\nline2\n").Write("two.txt", "same\nline2\n").Commit("c2");

        var (result, items) = b.Scan(new HistoryScanOptions { Mode = HistoryMode.Head });

        Assert.Equal(1, result.CommitCount);
        Assert.DoesNotContain(items, i => i.Path == "gone.txt");
        Assert.Single(items, i => i.Kind == HistoryItemKind.NewBlob);
        // The two files hold one blob: its lines are read once, at the first path in tree order.
        var lines = Assert.Single(items, i => i.Kind == HistoryItemKind.AddedLines).Lines;
        Assert.Equal([new AddedLine(1, "same"), new AddedLine(2, "line2")], lines);
        Assert.Equal("two.txt", items.Single(i => i.Kind == HistoryItemKind.AddedLines).Path);
    }

    [Fact]
    public void None_mode_reads_nothing()
    {
        using var b = new GitRepoBuilder();
        b.Write("a.txt", Secret).Commit("c1");

        var (result, items) = b.Scan(new HistoryScanOptions { Mode = HistoryMode.None });

        Assert.Empty(items);
        Assert.Equal(0, result.CommitCount);
    }

    [Fact]
    public void Blob_over_the_size_limit_is_skipped_with_a_note()
    {
        using var b = new GitRepoBuilder();
        var big = new string('x', 300) + "\n" + Secret + "\n";
        var commit = b.Write("big.txt", big).Write("small.txt", "ok\n").Commit("c1");
        var bigId = commit.Tree["big.txt"].Target.Sha;

        var (result, items) = b.Scan(new HistoryScanOptions { MaxBlobBytes = 100 });

        Assert.DoesNotContain(items, i => i.Path == "big.txt");
        Assert.Contains(items, i => i.Path == "small.txt");
        var note = Assert.Single(result.Notes, n => n.Contains(bigId, StringComparison.Ordinal));
        Assert.Contains(Encoding.UTF8.GetByteCount(big) + " bytes", note, StringComparison.Ordinal);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Missing_blob_is_a_problem_and_the_scan_continues()
    {
        using var b = new GitRepoBuilder();
        var c1 = b.Write("lost.txt", "will vanish\n").Write("kept.txt", Secret + "\n").Commit("c1");
        var lostId = c1.Tree["lost.txt"].Target.Sha;
        b.Write("later.txt", "after\n").Commit("c2");
        File.Delete(Path.Combine(b.Root, ".git", "objects", lostId[..2], lostId[2..]));

        var (result, items) = b.Scan();

        Assert.Contains(result.Problems, p => p.Contains(lostId, StringComparison.Ordinal));
        Assert.False(result.IsComplete);
        Assert.Contains(items, i => i.Path == "kept.txt" && i.Lines.Any(l => l.Text == Secret));
        Assert.Contains(items, i => i.Path == "later.txt");
    }

    [Fact]
    public void Empty_repository_scans_without_error()
    {
        using var b = new GitRepoBuilder();

        var (full, fullItems) = b.Scan();
        var (head, headItems) = b.Scan(new HistoryScanOptions { Mode = HistoryMode.Head });

        Assert.Empty(fullItems);
        Assert.Empty(headItems);
        Assert.Equal(0, full.CommitCount);
        Assert.Empty(full.Problems);
        Assert.Empty(head.Problems);
    }
}

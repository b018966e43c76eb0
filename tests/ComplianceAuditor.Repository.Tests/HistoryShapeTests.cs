using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Tests;

/// <summary>How the walk treats merges, shallow clones and its commit bound.</summary>
public sealed class HistoryShapeTests
{
    [Fact]
    public void Merge_is_compared_with_its_first_parent_and_does_not_repeat_side_branch_lines()
    {
        using var b = new GitRepoBuilder();
        var c1 = b.Write("a.txt", "a\n").Commit("c1");
        var mainBranch = b.Repo.Head.FriendlyName;
        b.Write("b.txt", "b\n").Commit("c2");
        b.Checkout("side", c1);
        var side = b.Write("side.txt", "token=abc\n").Commit("side");
        b.Checkout(mainBranch);
        var signature = GitRepoBuilder.SignatureAt(10);
        var merge = b.Repo.Merge(side, signature, new MergeOptions { FastForwardStrategy = FastForwardStrategy.NoFastForward }).Commit;

        var (result, items) = b.Scan();

        Assert.Equal(4, result.CommitCount);
        var sideItems = items.Where(i => i.Path == "side.txt").ToList();
        Assert.All(sideItems, i => Assert.Equal(side.Sha, i.CommitId));
        Assert.Single(sideItems, i => i.Kind == HistoryItemKind.AddedLines);
        Assert.DoesNotContain(items, i => i.CommitId == merge.Sha);
    }

    [Fact]
    public void Shallow_clone_is_reported_and_history_stops_at_the_graft()
    {
        using var b = new GitRepoBuilder();
        b.Write("old.txt", "before graft\n").Commit("c1");
        var graft = b.Write("mid.txt", "at graft\n").Commit("c2");
        b.Write("new.txt", "after graft\n").Commit("c3");
        // A shallow clone records its boundary commits in .git/shallow; libgit2 then treats them as parentless.
        File.WriteAllText(Path.Combine(b.Root, ".git", "shallow"), graft.Sha + "\n");

        using var opened = RepositoryLocator.Open(b.Root);
        Assert.True(opened.Succeeded, opened.Error);
        Assert.Contains(opened.Notes, n => n.Contains("shallow", StringComparison.Ordinal));
        var (result, items) = GitRepoBuilder.Scan(opened.Repository!, new HistoryScanOptions());

        Assert.Equal(2, result.CommitCount);
        Assert.Contains(result.Notes, n => n.Contains("shallow", StringComparison.Ordinal));
        // Content from before the graft is visible only as part of the graft commit, compared with the empty tree.
        var old = Assert.Single(items, i => i.Kind == HistoryItemKind.AddedLines && i.Path == "old.txt");
        Assert.Equal(graft.Sha, old.CommitId);
        Assert.Contains(items, i => i.Path == "new.txt");
    }

    [Fact]
    public void Commit_bound_stops_the_walk_with_a_note()
    {
        using var b = new GitRepoBuilder();
        for (var i = 0; i < 5; i++)
        {
            b.Write($"f{i}.txt", $"line {i}\n").Commit($"c{i}");
        }

        var (result, items) = b.Scan(new HistoryScanOptions { MaxCommits = 2 });

        Assert.Equal(2, result.CommitCount);
        Assert.Contains(result.Notes, n => n.Contains("commit bound", StringComparison.Ordinal));
        // Oldest first: the bound keeps the first two commits.
        Assert.Equal(["f0.txt", "f1.txt"], items.Select(i => i.Path).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tag_on_a_commit_outside_all_branches_is_walked()
    {
        using var b = new GitRepoBuilder();
        var c1 = b.Write("a.txt", "a\n").Commit("c1");
        var mainBranch = b.Repo.Head.FriendlyName;
        b.Checkout("temp", c1);
        var tagged = b.Write("release.txt", "only via tag\n").Commit("tagged");
        b.Repo.ApplyTag("v1.0", tagged.Sha, GitRepoBuilder.SignatureAt(20), "release");
        b.Checkout(mainBranch);
        b.Repo.Branches.Remove("temp");

        var (_, items) = b.Scan();

        Assert.Contains(items, i => i.CommitId == tagged.Sha && i.Path == "release.txt");
    }
}

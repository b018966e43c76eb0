using ComplianceAuditor.Tests.Shared;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Tests;

public sealed class RepositoryLocatorTests
{
    [Fact]
    public void Path_inside_a_worktree_opens_the_repository()
    {
        using var b = new GitRepoBuilder();
        var commit = b.Write("deep/er/file.txt", "x\n").Commit("c1");

        using var opened = RepositoryLocator.Open(Path.Combine(b.Root, "deep", "er"));

        Assert.True(opened.Succeeded, opened.Error);
        Assert.Equal(commit.Sha, opened.Repository!.Head.Tip.Sha);
        Assert.Empty(opened.Notes);
    }

    [Fact]
    public void Dot_git_folder_opens_the_repository()
    {
        using var b = new GitRepoBuilder();
        var commit = b.Write("a.txt", "x\n").Commit("c1");

        using var opened = RepositoryLocator.Open(Path.Combine(b.Root, ".git"));

        Assert.True(opened.Succeeded, opened.Error);
        Assert.Equal(commit.Sha, opened.Repository!.Head.Tip.Sha);
    }

    [Fact]
    public void Bare_repository_opens_and_its_history_is_scanned()
    {
        using var source = new GitRepoBuilder();
        var commit = source.Write("a.txt", "bare content\n").Commit("c1");
        using var bare = new TempDirectory();
        var barePath = Path.Combine(bare.Path, "mirror.git");
        LibGit2Sharp.Repository.Clone(source.Root, barePath, new CloneOptions { IsBare = true });

        using var opened = RepositoryLocator.Open(barePath);

        Assert.True(opened.Succeeded, opened.Error);
        Assert.True(opened.Repository!.Info.IsBare);
        var (result, items) = GitRepoBuilder.Scan(opened.Repository, new HistoryScanOptions());
        Assert.Equal(1, result.CommitCount);
        Assert.Contains(items, i => i.CommitId == commit.Sha && i.Lines.Any(l => l.Text == "bare content"));
    }

    [Fact]
    public void Folder_outside_any_repository_gives_an_error()
    {
        using var temp = new TempDirectory();

        using var opened = RepositoryLocator.Open(temp.Path);

        Assert.False(opened.Succeeded);
        Assert.Contains("not inside a git repository", opened.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/no/such/folder/anywhere")]
    public void Missing_or_empty_path_gives_an_error(string path)
    {
        using var opened = RepositoryLocator.Open(path);

        Assert.False(opened.Succeeded);
        Assert.False(string.IsNullOrEmpty(opened.Error));
    }

    [Fact]
    public void Broken_git_folder_gives_an_error_not_an_exception()
    {
        using var temp = new TempDirectory();
        temp.Write(".git/HEAD", "garbage");
        temp.Write(".git/objects/readme", "not an object store");

        using var opened = RepositoryLocator.Open(temp.Path);

        Assert.False(opened.Succeeded);
        Assert.NotNull(opened.Error);
    }

    [Fact]
    public void Empty_repository_opens_with_a_note()
    {
        using var b = new GitRepoBuilder();

        using var opened = RepositoryLocator.Open(b.Root);

        Assert.True(opened.Succeeded, opened.Error);
        Assert.Contains(opened.Notes, n => n.Contains("no commits", StringComparison.Ordinal));
    }
}

using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Repository.Audit;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Repository.Tests;

/// <summary>The history as the engine sees it: artifacts with commit evidence, stable paths, and failures named.</summary>
public sealed class GitHistorySourceTests
{
    [Fact]
    public void A_commit_that_edits_a_text_file_gives_its_added_lines_at_their_line_numbers()
    {
        using var git = new GitRepoBuilder();
        git.Write("app.conf", "a\nb\nc\n").Commit("first");
        var second = git.Write("app.conf", "a\nb\nTOKEN\nc\n").Commit("second");

        var (run, items) = Read(git.Root);

        Assert.True(run.IsComplete);
        Assert.Equal(2, run.Commits);
        var edit = Assert.Single(items, a => a.History!.Commit == second.Sha);
        Assert.Equal($"repo@{second.Sha[..12]}/app.conf", edit.Path);
        Assert.Equal("app.conf", edit.RelativePath);
        Assert.Equal("repo@history", edit.Parent);
        Assert.Equal(ArtifactKind.Text, edit.Kind);
        Assert.True(edit.History!.AddedLinesOnly);
        Assert.Equal("\n\nTOKEN\n", Text(edit));
        Assert.Equal("Ann Author <ann@example.test>", edit.History.Author);
        Assert.Equal("2024-03-01T13:00:00Z", edit.History.Date);
        Assert.Equal("", edit.Sha256);
    }

    [Fact]
    public void A_text_file_comes_once_as_lines_and_a_binary_blob_once_whole()
    {
        using var git = new GitRepoBuilder();
        byte[] der = [0x30, 0x82, 0x01, 0x00, 0x00, 0xff, 0x00, 0x10];
        git.Write("notes.txt", "hello\n").Write("key.der", der).Commit("add");

        var (_, items) = Read(git.Root);

        Assert.Equal(["key.der", "notes.txt"], items.Select(a => a.RelativePath).Order(StringComparer.Ordinal));
        var blob = Assert.Single(items, a => a.RelativePath == "key.der");
        Assert.False(blob.History!.AddedLinesOnly);
        Assert.Equal(ArtifactKind.Binary, blob.Kind);
        Assert.Equal(der, Bytes(blob));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(der)), blob.Sha256);
    }

    [Fact]
    public void A_folder_inside_a_worktree_reads_only_the_history_under_it_with_paths_relative_to_it()
    {
        using var git = new GitRepoBuilder();
        git.Write("firmware/app.conf", "TOKEN\n").Write("docs/app.conf", "TOKEN\n").Commit("add");

        var (run, items) = Read(Path.Combine(git.Root, "firmware"));

        var only = Assert.Single(items);
        Assert.Equal("app.conf", only.RelativePath);
        Assert.Equal("firmware/app.conf", only.History!.Path);
        Assert.Contains(run.Notes, n => n.Contains("only files under 'firmware/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Paths_stay_the_same_when_an_unrelated_commit_is_added_on_another_branch()
    {
        using var git = new GitRepoBuilder();
        var first = git.Write("a.conf", "TOKEN-1\n").Commit("first");
        git.Write("b.conf", "TOKEN-2\n").Commit("second");
        var before = Read(git.Root).Items.Select(a => a.Path).ToArray();

        git.Checkout("side", first);
        git.Write("c.conf", "unrelated\n").Commit("side work");
        var after = Read(git.Root).Items.Select(a => a.Path).ToArray();

        Assert.Equal(3, after.Length);
        Assert.Subset(after.ToHashSet(), before.ToHashSet());
    }

    [Fact]
    public void A_folder_that_is_no_repository_gives_a_problem_not_an_exception()
    {
        using var temp = new TempDirectory();

        var (run, items) = Read(temp.Path);

        Assert.Empty(items);
        Assert.False(run.IsComplete);
        Assert.Contains("the history could not be read", run.Problems[0], StringComparison.Ordinal);
    }

    private static (HistoryRun Run, List<Artifact> Items) Read(string path, HistoryScanOptions? options = null)
    {
        var items = new List<Artifact>();
        var run = new GitHistorySource(path, "repo", options ?? new HistoryScanOptions()).Read(items.Add, CancellationToken.None);
        return (run, items);
    }

    private static byte[] Bytes(Artifact artifact)
    {
        using var stream = artifact.Content!.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(Artifact artifact) => Encoding.UTF8.GetString(Bytes(artifact));
}

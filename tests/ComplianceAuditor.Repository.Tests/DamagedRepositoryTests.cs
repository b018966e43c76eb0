using System.Diagnostics;
using ComplianceAuditor.Repository.Audit;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Tests;

/// <summary>
/// Repositories as they arrive from the field: a packfile gone missing, a checkout owned by another user, a submodule
/// whose repository is nowhere. The reader goes on and names what it could not read.
/// </summary>
public sealed class DamagedRepositoryTests
{
    [GitFact]
    public void A_missing_packfile_is_named_as_a_problem_and_the_walk_goes_as_far_as_it_can()
    {
        using var git = new GitRepoBuilder();
        git.Write("a.conf", "TOKEN-1\n").Commit("first");
        git.Write("b.conf", "TOKEN-2\n").Commit("second");
        HostileHistoryTests.Git(git.Root, "", "-c", "gc.auto=0", "repack", "-a", "-d", "-q");
        foreach (var pack in Directory.GetFiles(Path.Combine(git.Root, ".git", "objects", "pack"), "*.pack"))
        {
            File.Delete(pack);
        }

        var run = new GitHistorySource(git.Root, "repo", new HistoryScanOptions()).Read(_ => { }, CancellationToken.None);

        Assert.False(run.IsComplete);
        Assert.NotEmpty(run.Problems);
    }

    [RootFact]
    public void A_checkout_owned_by_another_user_is_read()
    {
        using var git = new GitRepoBuilder();
        git.Write("a.conf", "TOKEN-1\n").Commit("first");
        Chown(git.Root, "12345:12345");
        try
        {
            var items = new List<Core.Model.Artifact>();
            var run = new GitHistorySource(git.Root, "repo", new HistoryScanOptions()).Read(items.Add, CancellationToken.None);

            Assert.True(run.IsComplete, string.Join("; ", run.Problems));
            Assert.Single(items);
        }
        finally
        {
            Chown(git.Root, "0:0");
        }
    }

    [Fact]
    public void A_submodule_pointing_nowhere_is_passed_over_without_a_problem()
    {
        using var git = new GitRepoBuilder();
        var first = git.Write(".gitmodules", "[submodule \"sdk\"]\n\tpath = sdk\n\turl = https://example.invalid/sdk.git\n").Commit("first");
        var tree = TreeDefinition.From(first.Tree);
        tree.AddGitLink("sdk", new ObjectId("0123456789abcdef0123456789abcdef01234567"));
        var signature = GitRepoBuilder.SignatureAt(1);
        var commit = git.Repo.ObjectDatabase.CreateCommit(signature, signature, "add sdk", git.Repo.ObjectDatabase.CreateTree(tree), [first], prettifyMessage: false);
        git.Repo.Refs.UpdateTarget(git.Repo.Refs.Head.ResolveToDirectReference(), commit.Id);

        var (result, items) = git.Scan();

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.CommitCount);
        Assert.DoesNotContain(items, i => i.Path == "sdk");
    }

    private static void Chown(string path, string owner)
    {
        using var process = Process.Start(new ProcessStartInfo("chown", ["-R", owner, path]))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}

/// <summary>A fact that gives a folder to another user, which only root can do; skipped, saying so, for anyone else.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "skipped: only root can give a folder to another user (CI runs as root)";
        }
    }
}

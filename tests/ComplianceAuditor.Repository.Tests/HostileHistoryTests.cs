using System.Diagnostics;
using System.Text;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Repository.Audit;
using ComplianceAuditor.Tests.Shared;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Tests;

/// <summary>
/// Repositories built to hurt a reader: a tree naming one subtree over and over (a "git bomb"), a commit with a date
/// no calendar holds, a bare repository whose HEAD names no commit, and a key rotated in place.
/// </summary>
public sealed class HostileHistoryTests
{
    [Fact]
    public void A_git_bomb_is_read_up_to_the_entry_bound_and_named_as_a_problem()
    {
        using var git = new GitRepoBuilder();
        var commit = Bomb(git.Repo);
        git.Repo.Refs.UpdateTarget(git.Repo.Refs.Head.ResolveToDirectReference() ?? git.Repo.Refs.Add("refs/heads/bomb", commit.Id), commit.Id);

        var (result, items) = git.Scan();

        Assert.Contains(result.Problems, p => p.Contains($"more than {TreeDiff.MaxEntries} entries", StringComparison.Ordinal));
        // One blob at ten million paths: read once.
        Assert.Single(items, i => i.Kind == HistoryItemKind.NewBlob);
    }

    [Fact]
    public void A_bare_git_bomb_stops_at_the_file_limit_with_one_note()
    {
        using var git = new GitRepoBuilder(bare: true);
        var commit = Bomb(git.Repo);
        git.Repo.Refs.Add("refs/heads/main", commit.Id);
        git.Repo.Refs.UpdateTarget("HEAD", "refs/heads/main");

        var inventory = GitTreeInventory.Build(new AuditTarget("bomb.git", TargetKind.Repo, git.Root), maxFiles: 1000, CancellationToken.None);

        Assert.False(inventory.IsComplete);
        Assert.Equal(1001, inventory.Artifacts.Count);
        Assert.Single(inventory.Notes, n => n.Contains("stopped after 1000 files", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bare_repository_whose_head_names_no_commit_is_incomplete_not_empty()
    {
        using var source = new GitRepoBuilder();
        source.Write("SECURITY.md", "security@example.test\n").Commit("first");
        using var clones = new TempDirectory();
        var bare = LibGit2Sharp.Repository.Clone(source.Root, Path.Combine(clones.Path, "cam.git"), new CloneOptions { IsBare = true });
        using (var repo = new LibGit2Sharp.Repository(bare))
        {
            repo.Refs.UpdateTarget("HEAD", "refs/heads/never-pushed");
        }

        var inventory = GitTreeInventory.Build(new AuditTarget("cam.git", TargetKind.Repo, bare), 1000, CancellationToken.None);

        Assert.False(inventory.IsComplete);
        Assert.Contains("refs/heads/never-pushed, which names no commit", inventory.FirstNote, StringComparison.Ordinal);
    }

    [GitFact]
    public void A_commit_with_an_impossible_date_is_read_and_the_walk_goes_on()
    {
        using var git = new GitRepoBuilder();
        var parent = git.Write("a.conf", "TOKEN-1\n").Commit("first");
        var blob = git.Repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes("TOKEN-2\n")));
        var tree = new TreeDefinition();
        tree.Add("a.conf", parent.Tree["a.conf"]);
        tree.Add("b.conf", blob, Mode.NonExecutableFile);
        var treeId = git.Repo.ObjectDatabase.CreateTree(tree).Sha;
        var raw = $"tree {treeId}\nparent {parent.Sha}\nauthor Bad Date <bad@example.test> 99999999999999 +9999\ncommitter Bad Date <bad@example.test> 99999999999999 +9999\n\ncrafted\n";
        var id = Git(git.Root, raw, "hash-object", "-w", "-t", "commit", "--literally", "--stdin").Trim();
        git.Repo.Refs.Add("refs/heads/crafted", new ObjectId(id));

        var (result, items) = git.Scan();

        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.Equal(2, result.CommitCount);
        var crafted = Assert.Single(items, i => i.Kind == HistoryItemKind.AddedLines && i.Path == "b.conf");
        Assert.Equal(id, crafted.CommitId);
    }

    [GitFact]
    public void Tree_entry_names_git_does_not_allow_are_named_as_problems_not_read_as_paths()
    {
        using var git = new GitRepoBuilder();
        var blob = git.Repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes("TOKEN\n")));
        var raw = new MemoryStream();
        foreach (var name in new[] { "..", "a/b", "ok.conf" })
        {
            raw.Write(Encoding.ASCII.GetBytes($"100644 {name}\0"));
            raw.Write(blob.Id.RawId);
        }

        var tree = GitBytes(git.Root, raw.ToArray(), "hash-object", "-w", "-t", "tree", "--literally", "--stdin").Trim();
        var signature = GitRepoBuilder.SignatureAt(0);
        var commit = git.Repo.ObjectDatabase.CreateCommit(signature, signature, "crafted", git.Repo.Lookup<Tree>(tree), [], prettifyMessage: false);
        git.Repo.Refs.Add("refs/heads/crafted", commit.Id);

        var (result, items) = git.Scan();

        Assert.Equal(["ok.conf"], items.Select(i => i.Path).Distinct());
        Assert.Contains(result.Problems, p => p.Contains("named '..'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("named 'a/b'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_rotated_in_place_keeps_its_armour_lines_with_the_new_body()
    {
        var old = Encoding.ASCII.GetBytes("-----BEGIN PRIVATE KEY-----\nAAAA\nBBBB\n-----END PRIVATE KEY-----\n");
        var rotated = Encoding.ASCII.GetBytes("-----BEGIN PRIVATE KEY-----\nCCCC\nDDDD\n-----END PRIVATE KEY-----\n");

        var added = LineDiff.Added(old, rotated);

        Assert.Equal(["-----BEGIN PRIVATE KEY-----", "CCCC", "DDDD", "-----END PRIVATE KEY-----"], added.Select(l => l.Text));
        Assert.Equal([1, 2, 3, 4], added.Select(l => l.LineNumber));
    }

    [Fact]
    public void Lines_only_moved_or_repeated_are_not_added()
    {
        var old = Encoding.ASCII.GetBytes("a\nb\nc\n");
        var current = Encoding.ASCII.GetBytes("c\na\nb\nb\nnew\n");

        Assert.Equal([new AddedLine(5, "new")], LineDiff.Added(old, current));
    }

    /// <summary>Seven levels of ten folders, all the same tree, over one blob: ten million paths from eight objects.</summary>
    private static Commit Bomb(LibGit2Sharp.Repository repo)
    {
        var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes("TOKEN\n")));
        var level = new TreeDefinition();
        for (var i = 0; i < 10; i++)
        {
            level.Add($"f{i}", blob, Mode.NonExecutableFile);
        }

        var tree = repo.ObjectDatabase.CreateTree(level);
        for (var depth = 0; depth < 6; depth++)
        {
            var next = new TreeDefinition();
            for (var i = 0; i < 10; i++)
            {
                next.Add($"d{i}", tree);
            }

            tree = repo.ObjectDatabase.CreateTree(next);
        }

        var signature = GitRepoBuilder.SignatureAt(0);
        return repo.ObjectDatabase.CreateCommit(signature, signature, "bomb", tree, [], prettifyMessage: false);
    }

    private static string GitBytes(string workingDirectory, byte[] input, params string[] args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    internal static string Git(string workingDirectory, string input, params string[] args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}

/// <summary>A fact that needs the git program (it writes objects LibGit2Sharp refuses to); skipped, saying so, without it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class GitFactAttribute : FactAttribute
{
    public GitFactAttribute()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Skip = "skipped: the git program is not installed (Debian package git); .ci/run installs it";
        }
    }
}

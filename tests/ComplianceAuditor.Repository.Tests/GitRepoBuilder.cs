using ComplianceAuditor.Tests.Shared;
using LibGit2Sharp;
using GitRepository = LibGit2Sharp.Repository;

namespace ComplianceAuditor.Repository.Tests;

/// <summary>Builds a small git repository in a temp folder with a fixed author and dates one hour apart.</summary>
internal sealed class GitRepoBuilder : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory temp = new();
    private int commits;

    public GitRepoBuilder(bool bare = false)
    {
        GitRepository.Init(temp.Path, bare);
        Repo = new GitRepository(temp.Path);
    }

    public GitRepository Repo { get; }

    public string Root => temp.Path;

    public static Signature SignatureAt(int hour) => new("Ann Author", "ann@example.test", Start.AddHours(hour));

    public GitRepoBuilder Write(string path, string content)
    {
        temp.Write(path, content);
        return this;
    }

    public GitRepoBuilder Write(string path, byte[] content)
    {
        temp.Write(path, content);
        return this;
    }

    public GitRepoBuilder Delete(string path)
    {
        File.Delete(Path.Combine(temp.Path, path));
        return this;
    }

    public Commit Commit(string message)
    {
        Commands.Stage(Repo, "*");
        var signature = SignatureAt(commits++);
        return Repo.Commit(message, signature, signature);
    }

    public void Checkout(string branch, Commit? startAt = null)
    {
        if (startAt is not null)
        {
            Repo.CreateBranch(branch, startAt);
        }

        Commands.Checkout(Repo, branch);
    }

    public static (HistoryScanResult Result, List<HistoryItem> Items) Scan(GitRepository repo, HistoryScanOptions options)
    {
        var items = new List<HistoryItem>();
        var result = HistoryScan.Run(repo, options, items.Add);
        return (result, items);
    }

    public (HistoryScanResult Result, List<HistoryItem> Items) Scan(HistoryScanOptions? options = null) =>
        Scan(Repo, options ?? new HistoryScanOptions());

    public void Dispose()
    {
        Repo.Dispose();
        temp.Dispose();
    }
}

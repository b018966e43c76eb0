using ComplianceAuditor.Tests.Shared;
using LibGit2Sharp;

namespace ComplianceAuditor.Repository.Tests;

public sealed class GitleaksCorpusTests
{
    private const string AwsKey = "AKIALALEMEL33243OLIA";
    private const string Corpus = "corpus/gitleaks/testdata/repos/small/dotGit";

    [SharedFact(Corpus)]
    public void Gitleaks_small_repository_history_shows_the_aws_key_on_all_branches()
    {
        using var temp = new TempDirectory();
        var work = Path.Combine(temp.Path, "small");
        CopyTree(Path.Combine(RepositoryPaths.Shared, Corpus), Path.Combine(work, ".git"));

        using var opened = RepositoryLocator.Open(work);
        Assert.True(opened.Succeeded, opened.Error);
        var repo = opened.Repository!;
        var branches = repo.Branches.Where(br => !br.IsRemote).Select(br => br.FriendlyName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["api-pkg", "foo", "main", "remove-secrets"], branches);

        var (result, items) = GitRepoBuilder.Scan(repo, new HistoryScanOptions());

        Assert.Empty(result.Problems);

        // `git log --all` lists 9 commits; main alone reaches 7, so 9 means every branch was walked.
        Assert.Equal(9, result.CommitCount);
        var hits = items.Where(i => i.Kind == HistoryItemKind.AddedLines && i.Lines.Any(l => l.Text.Contains(AwsKey, StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(hits, h => h.CommitId == "1b6da43b82b22e4eaa10bcf8ee591e91abbfc587" && h.Path == "main.go");
        var foo = Assert.Single(hits, h => h.CommitId == "491504d5a31946ce75e22554cc34203d8e5ff3ca");
        Assert.Contains(foo.Lines, l => l.Text.Contains(AwsKey, StringComparison.Ordinal) && l.LineNumber >= 1);
        Assert.NotNull(repo.Lookup<Commit>(foo.CommitId));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}

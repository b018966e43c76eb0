using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// The gitleaks project's own test repository (external corpus), audited as the .git folder itself, read in place. Its
/// AWS key was added in main.go on main and on a side branch, and removed there later; HEAD still holds it in two files
/// under api/. The key is reported where it still is, and the history's sightings of it (three distinct pieces, since
/// a blob at two paths is read once) are counted against those, not reported again.
/// </summary>
public sealed class GitleaksCorpusAuditTests
{
    private const string Corpus = "corpus/gitleaks/testdata/repos/small/dotGit";

    [SharedFact(Corpus)]
    public async Task The_aws_key_is_reported_in_the_head_files_and_its_history_sightings_are_counted_there()
    {
        using var output = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", Path.Combine(RepositoryPaths.Shared, Corpus), "--out", output.Path, "--format", "json", "--only", "CMP2017");

        Assert.True(exit == ExitCodes.Ok, error);
        var report = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "report.json")));
        var failures = report["results"]!.Where(r => (string)r["outcome"]! == "fail").Select(r => (string)r["artifact"]!).Order(StringComparer.Ordinal);
        Assert.Equal(["dotGit/api/ignoreCommit.go", "dotGit/api/ignoreGlobal.go"], failures);
        var history = Assert.Single(report["results"]!, r => (string)r["artifact"]! == "dotGit@history");
        Assert.Equal("pass", (string)history["outcome"]!);
        Assert.Contains("3 match(es) in the history are still in the files of the tree", (string)history["reason"]!, StringComparison.Ordinal);
        Assert.Contains(report["notes"]!, n => ((string)n!).Contains("history read: every commit reachable from any branch, tag or HEAD; 9 commit(s)", StringComparison.Ordinal));
    }
}

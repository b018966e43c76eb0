using System.Text;
using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>
/// The engine's history phase with a history given in code: which rules read it, what is recorded per piece and for
/// the history as a whole, how a secret still in the tree is reported once, and how an unreadable history is shown.
/// </summary>
public sealed class HistoryPhaseTests
{
    private const string Commit1 = "1111111111111111111111111111111111111111";
    private const string Commit2 = "2222222222222222222222222222222222222222";

    private static readonly RuleDefinition TokenRule = TestRules.Regex(@"TOKEN-[0-9]+", "**") with { Id = "CMP9101", Targets = [TargetKind.Repo], History = true };

    private static readonly RuleDefinition TreeOnlyRule = TestRules.Regex(@"TOKEN-[0-9]+", "**") with { Id = "CMP9102", Targets = [TargetKind.Repo] };

    [Fact]
    public async Task A_match_in_history_fails_on_the_commit_artifact_with_the_commit_as_evidence()
    {
        using var tree = new TempDirectory();
        tree.Write("README.md", "nothing here\n");
        var history = new FakeHistory(Piece(Commit1, "config/app.conf", "\n\napi = TOKEN-42\n"));

        var (results, engine) = await RunAsync(tree.Path, history, TokenRule);

        var failure = Assert.Single(results, r => r.Outcome == Outcome.Fail);
        Assert.Equal("repo@111111111111/config/app.conf", failure.Artifact);
        Assert.Contains("added by commit 111111111111 (Ann <ann@example.test>, 2024-03-01T12:00:00Z) in config/app.conf", failure.Reason, StringComparison.Ordinal);
        var text = Assert.Single(failure.Evidence, e => e.Kind == "text");
        Assert.Equal(3, text.Line);
        Assert.Equal(Commit1, text.Commit);
        Assert.Contains(failure.Evidence, e => e.Kind == "commit" && e.Commit == Commit1);
        var listed = Assert.Single(engine.Histories).Artifacts;
        Assert.Equal(["repo@111111111111/config/app.conf"], listed.Select(a => a.Path));
        Assert.All(listed, a => Assert.Null(a.Content));
    }

    [Fact]
    public async Task A_clean_history_gives_one_pass_on_the_history_naming_what_was_read()
    {
        using var tree = new TempDirectory();
        tree.Write("README.md", "nothing here\n");
        var history = new FakeHistory(Piece(Commit1, "a.txt", "fine\n"), Piece(Commit2, "b.txt", "also fine\n"));

        var (results, _) = await RunAsync(tree.Path, history, TokenRule);

        var summary = Assert.Single(results, r => r.Artifact == "repo@history");
        Assert.Equal(Outcome.Pass, summary.Outcome);
        Assert.Contains("nothing found in 2 piece(s)", summary.Reason, StringComparison.Ordinal);
        Assert.Contains("7 commit(s)", summary.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(results, r => r.Artifact.StartsWith("repo@1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rules_that_do_not_ask_for_history_never_see_it()
    {
        using var tree = new TempDirectory();
        tree.Write("README.md", "nothing here\n");
        var history = new FakeHistory(Piece(Commit1, "config/app.conf", "TOKEN-42\n"));

        var (results, engine) = await RunAsync(tree.Path, history, TreeOnlyRule);

        Assert.DoesNotContain(results, r => r.Artifact.Contains('@', StringComparison.Ordinal));
        Assert.Empty(engine.Histories);
        Assert.Equal(0, history.Reads);
    }

    [Fact]
    public async Task A_secret_still_in_the_tree_is_reported_there_only()
    {
        using var tree = new TempDirectory();
        tree.Write("config/app.conf", "api = TOKEN-42\n");
        var history = new FakeHistory(Piece(Commit1, "config/app.conf", "api = TOKEN-42\n"), Piece(Commit2, "old.conf", "TOKEN-7\n"));

        var (results, _) = await RunAsync(tree.Path, history, TokenRule);

        Assert.Equal(["repo/config/app.conf", "repo@222222222222/old.conf"], results.Where(r => r.Outcome == Outcome.Fail).Select(r => r.Artifact));
    }

    [Fact]
    public async Task An_unreadable_history_makes_the_rule_inconclusive_on_it_and_keeps_what_was_found()
    {
        using var tree = new TempDirectory();
        tree.Write("README.md", "nothing here\n");
        var history = new FakeHistory(Piece(Commit1, "a.conf", "TOKEN-9\n")) { Problems = ["blob 3f2a (a.bin in commit 1111) is missing from the object database"] };

        var (results, _) = await RunAsync(tree.Path, history, TokenRule);

        Assert.Single(results, r => r.Outcome == Outcome.Fail);
        var summary = Assert.Single(results, r => r.Artifact == "repo@history");
        Assert.Equal(Outcome.Inconclusive, summary.Outcome);
        Assert.Contains("is missing from the object database", summary.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_that_throws_ends_the_history_with_a_problem_not_the_audit()
    {
        using var tree = new TempDirectory();
        tree.Write("README.md", "nothing here\n");
        var history = new FakeHistory(Piece(Commit1, "a.conf", "TOKEN-9\n")) { ThrowAfterItems = true };

        var (results, _) = await RunAsync(tree.Path, history, TokenRule);

        var summary = Assert.Single(results, r => r.Artifact == "repo@history");
        Assert.Equal(Outcome.Inconclusive, summary.Outcome);
        Assert.Contains("reading the history stopped: InvalidDataException: pack truncated", summary.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_results_and_fingerprints_do_not_depend_on_the_order_pieces_arrive_in()
    {
        using var tree = new TempDirectory();
        tree.Write("README.md", "nothing here\n");
        var pieces = Enumerable.Range(0, 40).Select(i => Piece(i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture), $"f{i}.conf", $"TOKEN-{i}\n")).ToArray();

        var (forward, _) = await RunAsync(tree.Path, new FakeHistory(pieces), TokenRule);
        var (backward, _) = await RunAsync(tree.Path, new FakeHistory([.. pieces.Reverse()]), TokenRule);

        Assert.Equal(40, forward.Count(r => r.Outcome == Outcome.Fail));
        Assert.Equal(forward.Select(r => r.Fingerprint), backward.Select(r => r.Fingerprint));
    }

    [Fact]
    public async Task Pieces_that_could_not_be_decided_make_the_history_summary_inconclusive_not_a_pass()
    {
        using var tree = new TempDirectory();
        tree.Write("README.md", "nothing here\n");
        var binary = Piece(Commit1, "blob.conf", "x") with { Kind = ArtifactKind.Binary };

        var (results, _) = await RunAsync(tree.Path, new FakeHistory(binary, Piece(Commit2, "b.txt", "fine\n")), TokenRule);

        Assert.Equal(Outcome.Inconclusive, Assert.Single(results, r => r.Artifact == "repo@111111111111/blob.conf").Outcome);
        var summary = Assert.Single(results, r => r.Artifact == "repo@history");
        Assert.Equal(Outcome.Inconclusive, summary.Outcome);
        Assert.Contains("1 of 2 piece(s)", summary.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_bound_per_rule_the_first_failures_in_report_order_are_kept_and_the_rest_counted()
    {
        using var tree = new TempDirectory();
        tree.Write("README.md", "nothing here\n");
        var count = History.RecordedResults.MaxPerRule + 7;
        var pieces = Enumerable.Range(0, count).Select(i => Piece(i.ToString("x12", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 28), "f.conf", $"TOKEN-{i}\n")).ToArray();

        var (results, engine) = await RunAsync(tree.Path, new FakeHistory([.. pieces.Reverse()]), TokenRule);

        var kept = results.Where(r => r.Outcome == Outcome.Fail && r.Artifact != "repo@history").Select(r => r.Artifact).ToArray();
        Assert.Equal(pieces.Select(p => p.Path).Order(StringComparer.Ordinal).Take(History.RecordedResults.MaxPerRule), kept);
        var summary = Assert.Single(results, r => r.Artifact == "repo@history");
        Assert.Equal(Outcome.Fail, summary.Outcome);
        Assert.Contains("7 more are not", summary.Reason, StringComparison.Ordinal);
        Assert.Equal(kept, engine.Histories[0].Artifacts.Select(a => a.Path));
    }

    [Fact]
    public void Keys_that_name_a_place_rather_than_content_are_never_taken_for_the_tree_s_own()
    {
        var keys = new History.WorkingTreeKeys();
        keys.Add(0, "offset:0\nsha256:ab");

        Assert.True(keys.Covers(0, "sha256:ab"));
        Assert.False(keys.Covers(0, "offset:0"));
        Assert.False(keys.Covers(1, "sha256:ab"));
        Assert.False(keys.Covers(0, ""));
    }

    private static async Task<(IReadOnlyList<CheckResult> Results, AuditEngine Engine)> RunAsync(string path, IHistorySource history, params RuleDefinition[] rules)
    {
        var target = TargetResolver.Resolve([path], TargetKind.Repo)[0] with { Name = "repo" };
        var inventory = InventoryBuilder.Build(target, new InventoryOptions(), CancellationToken.None) with { History = history };
        var engine = new AuditEngine(new CheckRegistry(ContentChecks.All()), new EngineOptions { MaxParallelism = 2 });
        var results = await engine.RunAsync([inventory], rules, progress: null, CancellationToken.None);
        return (results, engine);
    }

    private static Artifact Piece(string commit, string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var history = new ArtifactHistory(commit, "Ann <ann@example.test>", "2024-03-01T12:00:00Z", path, new string('b', 40), AddedLinesOnly: true);
        return new Artifact
        {
            Path = $"repo@{history.ShortCommit}/{path}",
            Target = "repo",
            RelativePath = path,
            Parent = "repo@history",
            Kind = ArtifactKind.Text,
            Size = bytes.Length,
            History = history,
            Content = new Bytes(bytes),
        };
    }

    private sealed class Bytes(byte[] content) : IArtifactContent
    {
        public Stream OpenRead() => new MemoryStream(content, writable: false);
    }

    private sealed class FakeHistory(params Artifact[] pieces) : IHistorySource
    {
        public IReadOnlyList<string> Problems { get; init; } = [];

        public bool ThrowAfterItems { get; init; }

        public int Reads { get; private set; }

        public string Scope => "every commit (test)";

        public HistoryRun Read(Action<Artifact> onItem, CancellationToken cancellationToken)
        {
            Reads++;
            foreach (var piece in pieces)
            {
                onItem(piece);
            }

            return ThrowAfterItems ? throw new InvalidDataException("pack truncated") : new HistoryRun(7, pieces.Length, Problems, []);
        }
    }
}

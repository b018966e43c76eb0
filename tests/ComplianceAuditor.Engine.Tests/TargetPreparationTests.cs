using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>
/// Checks that need the whole target first (IPreparesTarget) are prepared once per target, before any of its files
/// is judged, and share the result through the target's work with every rule and file.
/// </summary>
public sealed class TargetPreparationTests
{
    [Fact]
    public async Task Work_shared_by_two_rules_is_made_once_per_target_before_the_files_are_judged()
    {
        using var folder = new TempDirectory();
        folder.Write("a.txt", "a");
        folder.Write("b.txt", "b");
        var check = new CountingCheck();
        var rules = new[]
        {
            TestRules.Create("counting", new Dictionary<string, object?>(), id: "CMP9001"),
            TestRules.Create("counting", new Dictionary<string, object?>(), id: "CMP9002"),
        };
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([folder.Path], TargetKind.Rootfs)[0], new InventoryOptions(), CancellationToken.None);

        var results = await new AuditEngine(new CheckRegistry([check]), new EngineOptions()).RunAsync([inventory], rules, null, CancellationToken.None);

        Assert.Equal(1, check.Made);
        Assert.Equal(2, check.Prepared);
        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.Equal(Outcome.Pass, r.Outcome));
        Assert.All(results, r => Assert.Equal("seen 2 files before judging", r.Reason));
    }

    [Fact]
    public async Task A_rule_for_another_target_kind_is_not_prepared()
    {
        using var folder = new TempDirectory();
        folder.Write("a.txt", "a");
        var check = new CountingCheck();
        var rule = TestRules.Create("counting", new Dictionary<string, object?>(), targets: [TargetKind.Repo]);
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([folder.Path], TargetKind.Rootfs)[0], new InventoryOptions(), CancellationToken.None);

        var results = await new AuditEngine(new CheckRegistry([check]), new EngineOptions()).RunAsync([inventory], [rule], null, CancellationToken.None);

        Assert.Equal(0, check.Prepared);
        Assert.Equal(Outcome.NotApplicable, Assert.Single(results).Outcome);
    }

    /// <summary>Counts the files of the target in its preparation; each file's result says what it found there.</summary>
    private sealed class CountingCheck : ICheck, IPreparedCheck, IPreparesTarget
    {
        private int _made;
        private int _prepared;

        public int Made => _made;

        public int Prepared => _prepared;

        public string Kind => "counting";

        public CheckScope Scope => CheckScope.Artifact;

        public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Text];

        public IReadOnlyCollection<string> Parameters { get; } = [];

        public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options) => this;

        public void PrepareTarget(TargetInventory inventory, TargetWork work, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _prepared);
            work.GetOrAdd("count", () =>
            {
                Interlocked.Increment(ref _made);
                return new Counted(inventory.Artifacts.Count(a => a.Kind == ArtifactKind.Text));
            });
        }

        public bool Selects(Artifact artifact) => true;

        public string DescribeSelection() => "every file";

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken) =>
            context.Target.Find<Counted>("count") is { } counted
                ? CheckOutcome.Pass($"seen {counted.Files} files before judging")
                : CheckOutcome.Inconclusive("not prepared");

        private sealed record Counted(int Files);
    }
}

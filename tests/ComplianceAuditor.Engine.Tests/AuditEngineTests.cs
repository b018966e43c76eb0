using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Inventory;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

public sealed class AuditEngineTests
{
    [Fact]
    public async Task Every_applicable_pair_yields_exactly_one_result_in_a_fixed_order()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 30; i++)
        {
            dir.Write($"etc/conf{i:00}.conf", i % 3 == 0 ? "telnetd\n" : "ok\n");
        }

        var rules = new[] { TestRules.Regex("telnetd", "*.conf") with { Id = "CMP9002" }, TestRules.Regex("^ok$", "*.conf") };
        var first = await Audits.RunAsync(dir.Path, null, null, rules);
        var second = await Audits.RunAsync(dir.Path, new EngineOptions { MaxParallelism = 1 }, null, rules);

        Assert.Equal(60, first.Count);
        Assert.Equal(10, first.Count(r => r.RuleId == "CMP9002" && r.Outcome == Outcome.Fail));
        Assert.Equal(first.Select(r => (r.RuleId, r.Artifact, r.Outcome, r.Fingerprint)), second.Select(r => (r.RuleId, r.Artifact, r.Outcome, r.Fingerprint)));
    }

    [Fact]
    public async Task Results_of_several_targets_come_in_report_order_and_the_same_from_disk()
    {
        // "fw" is audited before "fw-a", yet every path of "fw-a" sorts first: the engine must merge the targets.
        using var dir = new TempDirectory();
        foreach (var target in new[] { "fw", "fw-a" })
        {
            for (var i = 0; i < 200; i++)
            {
                dir.Write($"{target}/etc/conf{i:000}.conf", i % 4 == 0 ? "telnetd\nok\n" : "ok\n");
            }
        }

        var rules = new[] { TestRules.Regex("telnetd", "*.conf") with { Id = "CMP9002" }, TestRules.Regex("^ok$", "*.conf") };
        var inventories = new List<TargetInventory>();
        foreach (var target in new[] { "fw", "fw-a" })
        {
            inventories.Add(InventoryBuilder.Build(TargetResolver.Resolve([Path.Combine(dir.Path, target)], TargetKind.Rootfs)[0], new InventoryOptions(), CancellationToken.None));
        }

        using var spill = new TempDirectory();
        using var store = new BlockStore(spill.Path, memoryBudget: 0);
        var inMemory = await new AuditEngine(new CheckRegistry(ContentChecks.All()), new EngineOptions())
            .RunAsync(inventories, rules, progress: null, CancellationToken.None);
        var onDisk = await new AuditEngine(new CheckRegistry(ContentChecks.All()), new EngineOptions { Records = store, MaxParallelism = 1 })
            .RunAsync(inventories, rules, progress: null, CancellationToken.None);

        var keys = inMemory.Select(r => (r.RuleId, r.Artifact, r.EvidenceKey)).ToArray();
        Assert.Equal(800, keys.Length);
        Assert.Equal(keys.Order(Comparer<(string, string, string)>.Create(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Item1, b.Item1);
            c = c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2);
            return c != 0 ? c : string.CompareOrdinal(a.Item3, b.Item3);
        })), keys);
        Assert.StartsWith("fw-a/", inMemory[0].Artifact, StringComparison.Ordinal);
        Assert.True(store.BytesOnDisk > 0);
        Assert.Equal(
            inMemory.Select(r => (r.RuleId, r.Artifact, r.Outcome, r.Message, r.Reason, r.Fingerprint, r.Evidence.Count)),
            onDisk.Select(r => (r.RuleId, r.Artifact, r.Outcome, r.Message, r.Reason, r.Fingerprint, r.Evidence.Count)));
    }

    [Fact]
    public async Task Progress_ends_with_every_artifact_done_and_every_pair_counted()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 600; i++)
        {
            dir.Write($"etc/conf{i:000}.conf", "ok\n");
        }

        dir.Write("notes.txt", "no rule reads this");
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([dir.Path], null)[0], new InventoryOptions(), CancellationToken.None);
        var reports = new List<EngineProgress>();
        var progress = new Collecting(reports);

        // One rule reads every .conf file; the other finds nothing and gets one result for the target.
        var results = await new AuditEngine(new CheckRegistry(Checks.Content.ContentChecks.All()), new EngineOptions())
            .RunAsync([inventory], [TestRules.Regex("^ok$", "*.conf"), TestRules.Regex("x", "*.ini") with { Id = "CMP9002" }], progress, CancellationToken.None);

        Assert.Equal(601, results.Count);
        Assert.Equal(Outcome.NotApplicable, results.Single(r => r.RuleId == "CMP9002").Outcome);
        var last = reports[^1];
        Assert.Equal(inventory.Artifacts.Count, last.Completed);
        Assert.Equal(inventory.Artifacts.Count, last.Total);
        Assert.Equal(results.Count, last.Pairs);
        Assert.True(reports.Count < inventory.Artifacts.Count / 10, $"progress is reported now and then, not per artifact ({reports.Count} reports)");
    }

    [Fact]
    public async Task A_check_that_throws_becomes_an_error_result_and_the_audit_goes_on()
    {
        using var dir = new TempDirectory();
        dir.Write("a.conf", "x");
        var registry = new CheckRegistry([new ThrowingCheck(), .. Checks.Content.ContentChecks.All()]);
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([dir.Path], null)[0], new InventoryOptions(), CancellationToken.None);
        var rules = new[] { TestRules.Create("throws", new Dictionary<string, object?>()), TestRules.Regex("x", "*.conf") with { Id = "CMP9002" } };

        var results = await new AuditEngine(registry, new EngineOptions()).RunAsync([inventory], rules, null, CancellationToken.None);

        var error = results.Single(r => r.RuleId == "CMP9001");
        Assert.Equal(Outcome.Error, error.Outcome);
        Assert.Contains("boom", error.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, results.Single(r => r.RuleId == "CMP9002").Outcome);
    }

    [Fact]
    public async Task An_unreadable_artifact_is_inconclusive_naming_the_reason()
    {
        var target = new AuditTarget("fs", TargetKind.Rootfs, "/nowhere");
        var root = new Artifact { Path = "fs", Target = "fs", RelativePath = "", Kind = ArtifactKind.Directory };
        var unreadable = new Artifact { Path = "fs/etc/shadow", Target = "fs", RelativePath = "etc/shadow", Parent = "fs", Kind = ArtifactKind.Unreadable, Note = "Permission denied" };
        var vanished = new Artifact { Path = "fs/etc/inittab", Target = "fs", RelativePath = "etc/inittab", Parent = "fs", Kind = ArtifactKind.Text, Size = 10, Content = new FailingContent() };
        var inventory = new TargetInventory(target, [root, unreadable, vanished]);

        var results = await new AuditEngine(new CheckRegistry(Checks.Content.ContentChecks.All()), new EngineOptions())
            .RunAsync([inventory], [TestRules.Regex("root::", "etc/*")], null, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(Outcome.Inconclusive, r.Outcome));
        Assert.Contains("Permission denied", results.Single(r => r.Artifact == "fs/etc/shadow").Reason, StringComparison.Ordinal);
        // The runtime's message (which can carry absolute paths) is replaced by a fixed phrase.
        Assert.EndsWith("an input/output error occurred", results.Single(r => r.Artifact == "fs/etc/inittab").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_past_its_time_limit_is_inconclusive()
    {
        using var dir = new TempDirectory();
        dir.Write("a.conf", "x");
        var registry = new CheckRegistry([new SlowCheck()]);
        var inventory = InventoryBuilder.Build(TargetResolver.Resolve([dir.Path], null)[0], new InventoryOptions(), CancellationToken.None);

        var results = await new AuditEngine(registry, new EngineOptions { CheckTimeout = TimeSpan.FromMilliseconds(100) })
            .RunAsync([inventory], [TestRules.Create("slow", new Dictionary<string, object?>())], null, CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("time limit", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fingerprints_do_not_depend_on_where_the_target_sits_or_on_line_numbers()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var rootA = Path.Combine(a.Path, "device");
        var rootB = Path.Combine(b.Path, "elsewhere", "device");
        Directory.CreateDirectory(Path.Combine(rootA, "etc"));
        Directory.CreateDirectory(Path.Combine(rootB, "etc"));
        File.WriteAllText(Path.Combine(rootA, "etc", "inittab"), "::respawn:/usr/sbin/telnetd\n");
        File.WriteAllText(Path.Combine(rootB, "etc", "inittab"), "# moved down\n\n::respawn:/usr/sbin/telnetd\n");

        var rule = TestRules.Regex("telnetd", "etc/inittab");
        var fa = Assert.Single(await Audits.RunAsync(rootA, null, null, rule)).Fingerprint;
        var fb = Assert.Single(await Audits.RunAsync(rootB, null, null, rule)).Fingerprint;

        Assert.Equal(fa, fb);
        Assert.Equal(Fingerprint.Compute("CMP9001", "device/etc/inittab", "telnetd"), fa);
    }

    [Fact]
    public async Task Fingerprint_changes_when_the_finding_itself_changes()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("etc/inittab", "::respawn:/usr/sbin/telnetd\n");
        var rule = TestRules.Regex(@"\w*telnetd", "etc/inittab");
        var before = Assert.Single(await Audits.RunAsync(dir.Path, null, null, rule)).Fingerprint;

        File.WriteAllText(file, "::respawn:/usr/sbin/utelnetd\n");
        var after = Assert.Single(await Audits.RunAsync(dir.Path, null, null, rule)).Fingerprint;

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Fingerprint_format_is_versioned_and_fixed()
    {
        // Computed independently: sha256("v1\x1fCMP2001\x1frootfs/etc/shadow\x1froot::") in Python, first 16 bytes.
        // A change to this value breaks every user's baseline and waiver file: bump Fingerprint.Version instead.
        Assert.Equal("v1:c032e830d717656db43fb3a14b44a91a", Fingerprint.Compute("CMP2001", "rootfs/etc/shadow", "root::"));
    }

    private sealed class ThrowingCheck : ICheck
    {
        public string Kind => "throws";

        public CheckScope Scope => CheckScope.Target;

        public IReadOnlyList<ArtifactKind> DefaultArtifactKinds => [];

        public IReadOnlyCollection<string> Parameters => [];

        public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options) => new Prepared((_, _) => throw new InvalidOperationException("boom"));
    }

    private sealed class SlowCheck : ICheck
    {
        public string Kind => "slow";

        public CheckScope Scope => CheckScope.Target;

        public IReadOnlyList<ArtifactKind> DefaultArtifactKinds => [];

        public IReadOnlyCollection<string> Parameters => [];

        public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options) => new Prepared((_, ct) =>
        {
            Task.Delay(TimeSpan.FromSeconds(30), ct).GetAwaiter().GetResult();
            return CheckOutcome.Pass();
        });
    }

    private sealed class FailingContent : IArtifactContent
    {
        public Stream OpenRead() => throw new IOException("disk went away");
    }

    private sealed class Prepared(Func<CheckContext, CancellationToken, CheckOutcome> evaluate) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => true;

        public string DescribeSelection() => "everything";

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken) => evaluate(context, cancellationToken);
    }

    /// <summary>Keeps every report, in the order made (the engine reports from its workers, then once at the end).</summary>
    private sealed class Collecting(List<EngineProgress> reports) : IProgress<EngineProgress>
    {
        public void Report(EngineProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}

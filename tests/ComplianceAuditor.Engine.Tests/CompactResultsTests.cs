using ComplianceAuditor.Core.Compact;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine.Results;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Engine.Tests;

/// <summary>
/// The packed result list must give back every result as it was added, in report order (rule id, artifact, evidence
/// key), whether its blocks are in memory or on disk and however the runs of several targets interleave.
/// </summary>
public sealed class CompactResultsTests
{
    private static readonly RuleDefinition RuleB = TestRules.Regex("b", "*") with { Id = "CMP0002" };
    private static readonly RuleDefinition RuleA = TestRules.Regex("a", "*") with { Id = "CMP0001" };
    private static readonly RuleDefinition RuleC = TestRules.Regex("c", "*") with { Id = "CMP0003" };

    [Fact]
    public void Every_field_reads_back_as_it_was_written()
    {
        var everything = new EvidenceItem
        {
            Kind = "text",
            Description = "the line that sets the password",
            Path = "fw!/etc/shadow",
            Excerpt = "root:$1$abc:0:0",
            Line = 3,
            Column = -1,
            ByteOffset = 1L << 40,
            ByteLength = int.MaxValue,
            Symbol = "gets",
            Commit = "0123456789abcdef0123456789abcdef01234567",
        };
        var results = new[]
        {
            Result(RuleA, Outcome.Pass, "fw/a", reason: null),
            Result(RuleA, Outcome.Fail, "fw/a/b", reason: new string('r', 300), key: "k1", evidence: [everything, new EvidenceItem { Kind = "file" }]),
            // A path that shares a surrogate pair's first half with the one before it, and one with a lone surrogate.
            Result(RuleA, Outcome.Inconclusive, "fw/a/\ud83d\ude00x", reason: "why"),
            Result(RuleA, Outcome.Error, "fw/a/\ud83d\ude01", reason: "why"),
            Result(RuleA, Outcome.NotApplicable, "fw/a/\ud800lone", reason: "why", key: "\udfff"),
        };

        var list = Build([RuleA], BlockStore.InMemory(), results.Select(r => (0, r)));

        // The lone surrogate sorts before the pair, so the list also had to put two runs in order.
        var expected = results.OrderBy(r => r.Artifact, StringComparer.Ordinal).ToArray();
        Assert.NotEqual(results, expected);
        Assert.Equal(expected.Length, list.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            AssertSame(expected[i], list[i]);
        }
    }

    [Fact]
    public void Runs_of_several_targets_are_merged_into_report_order_and_ties_keep_their_order()
    {
        // Targets "fw" and "fw-a" are audited in that order, but every "fw-a/..." path sorts before "fw/...".
        var added = new List<(int Rule, CheckResult Result)>();
        foreach (var target in new[] { "fw", "fw-a", "fw" })
        {
            for (var i = 0; i < 300; i++)
            {
                added.Add((i % 2, Result(i % 2 == 0 ? RuleB : RuleA, (Outcome)(i % 5), $"{target}/f{i / 3:000}", key: $"k{i % 3}")));
            }
        }

        var list = Build([RuleB, RuleA], BlockStore.InMemory(), added);

        var expected = added.Select((a, n) => (a.Result, n))
            .OrderBy(x => x.Result.RuleId, StringComparer.Ordinal)
            .ThenBy(x => x.Result.Artifact, StringComparer.Ordinal)
            .ThenBy(x => x.Result.EvidenceKey, StringComparer.Ordinal)
            .ThenBy(x => x.n)
            .Select(x => x.Result)
            .ToArray();
        Assert.Equal(expected.Length, list.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            AssertSame(expected[i], list[i]);
        }
    }

    [Fact]
    public void Blocks_on_disk_give_the_same_list_as_blocks_in_memory()
    {
        using var dir = new TempDirectory();
        using var spilling = new BlockStore(dir.Path, memoryBudget: 4096);
        var added = Enumerable.Range(0, 5000)
            .Select(i => (i % 3, Result(new[] { RuleA, RuleB, RuleC }[i % 3], (Outcome)(i % 5), $"fw/dir{i / 700}/file{i:00000}", reason: $"reason {i % 11}")))
            .ToArray();

        var inMemory = Build([RuleA, RuleB, RuleC], BlockStore.InMemory(), added);
        var onDisk = Build([RuleA, RuleB, RuleC], spilling, added);

        Assert.True(spilling.BytesOnDisk > spilling.BytesInMemory);
        Assert.Equal(inMemory.Count, onDisk.Count);
        foreach (var (a, b) in inMemory.Zip(onDisk))
        {
            AssertSame(a, b);
        }
    }

    [Fact]
    public void Lookups_by_index_agree_with_a_walk_in_order()
    {
        var added = Enumerable.Range(0, 1000)
            .Select(i => (i % 2, Result(i % 2 == 0 ? RuleA : RuleC, Outcome.Pass, $"fw/file{i:0000}")))
            .ToArray();
        var list = Build([RuleA, RuleC], BlockStore.InMemory(), added);
        var walked = list.ToArray();

        var random = new Random(7);
        for (var n = 0; n < 3000; n++)
        {
            var i = random.Next(list.Count);
            AssertSame(walked[i], list[i]);
        }

        Assert.Equal(["CMP0001", "CMP0003"], walked.Select(r => r.RuleId).Distinct());
        Assert.Throws<ArgumentOutOfRangeException>(() => list[list.Count]);
    }

    [Fact]
    public void A_list_with_no_results_is_empty()
    {
        var list = Build([RuleA], BlockStore.InMemory(), []);

        Assert.Empty(list);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[0]);
    }

    private static CompactResults Build(RuleDefinition[] rules, BlockStore store, IEnumerable<(int Rule, CheckResult Result)> added)
    {
        var builder = new CompactResults.Builder(rules, store, new ResultText());
        foreach (var (rule, result) in added)
        {
            builder.Add(rule, result);
        }

        return builder.Build();
    }

    private static CheckResult Result(RuleDefinition rule, Outcome outcome, string artifact, string? reason = "a reason", string key = "", EvidenceItem[]? evidence = null) => new()
    {
        Rule = rule,
        Outcome = outcome,
        Artifact = artifact,
        Message = new ResultText().Message(rule, outcome),
        Reason = reason,
        EvidenceKey = key,
        Evidence = evidence ?? [],
    };

    private static void AssertSame(CheckResult expected, CheckResult actual)
    {
        Assert.Equal(expected with { Evidence = [] }, actual with { Evidence = [] });
        Assert.Equal(expected.Evidence, actual.Evidence);
    }
}

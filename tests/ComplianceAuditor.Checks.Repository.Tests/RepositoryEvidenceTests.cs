using System.Text;
using ComplianceAuditor.Checks.Repository.Disclosure;
using ComplianceAuditor.Checks.Repository.Evidence;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>The working-tree view over an inventory and the per-target cache the rules share.</summary>
public sealed class RepositoryEvidenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class Bytes(byte[] data) : IArtifactContent
    {
        public Stream OpenRead() => new MemoryStream(data, writable: false);
    }

    private static Artifact File(string path, ArtifactKind kind, string text) => new()
    {
        Path = path,
        Target = "repo",
        RelativePath = path[(path.LastIndexOf("!/", StringComparison.Ordinal) is var step && step >= 0 ? step + 2 : 5)..],
        Parent = "repo",
        Kind = kind,
        Size = Encoding.UTF8.GetByteCount(text),
        Content = new Bytes(Encoding.UTF8.GetBytes(text)),
    };

    private static TargetInventory Inventory(params Artifact[] files) =>
        new(new AuditTarget("repo", TargetKind.Repo, "/nowhere"),
            [new Artifact { Path = "repo", Target = "repo", RelativePath = "", Kind = ArtifactKind.Directory }, .. files]);

    [Fact]
    public void Files_inside_containers_are_not_part_of_the_working_tree()
    {
        var files = new InventoryRepositoryFiles(Inventory(
            File("repo/SECURITY.md", ArtifactKind.Text, "Report to security@example.com\n"),
            File("repo/fw.tar", ArtifactKind.Binary, "\0"),
            File("repo/fw.tar!/README.md", ArtifactKind.Text, "lifetime support\n")));

        Assert.Equal(["/SECURITY.md", "/fw.tar"], files.Paths);
        Assert.Null(files.ReadText("/README.md", 100));
        Assert.Equal("repo/SECURITY.md", files.VirtualPath("/SECURITY.md"));
    }

    [Fact]
    public void Reads_stop_at_the_budget_and_say_so()
    {
        var files = new InventoryRepositoryFiles(Inventory(
            File("repo/a.md", ArtifactKind.Text, "0123456789"),
            File("repo/b.md", ArtifactKind.Text, "abcdef")), readBudget: 12);

        Assert.Equal("0123456789", files.ReadText("/a.md", 100));
        Assert.Equal("ab", files.ReadText("/b.md", 100));
        Assert.Null(files.ReadText("/a.md", 100));
        Assert.Equal([ReadProblemKind.BudgetExhausted, ReadProblemKind.BudgetExhausted], files.ProblemsSince(0).Select(p => p.Kind));
    }

    [Fact]
    public void A_policy_cut_by_the_read_budget_is_inconclusive()
    {
        var evidence = RepositoryEvidence.Create(Inventory(File("repo/SECURITY.md", ArtifactKind.Text, "# Policy\n\nReport to security@example.com\n")), Now, readBudget: 10);

        var outcome = new DisclosureContactCheck().Judge(evidence, CancellationToken.None);

        Assert.Equal(Outcome.Inconclusive, outcome.Outcome);
        Assert.Contains("SECURITY.md was not read whole (the 10 bytes allowed for this repository's documents were all read)", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_of_one_target_share_one_parse()
    {
        var inventory = Inventory(File("repo/SECURITY.md", ArtifactKind.Text, "Report to security@example.com\n"));
        using var scratch = new ArtifactScratch();
        var context = new CheckContext(inventory, inventory.Root, new EngineOptions { ReferenceTime = Now }) { Scratch = scratch };

        var first = RepositoryEvidence.Of(context);
        var second = RepositoryEvidence.Of(context);

        Assert.Same(first, second);
        Assert.Same(first.Policy(CancellationToken.None), second.Policy(CancellationToken.None));
        Assert.Equal(Now, first.ReferenceTime);
    }

    [Fact]
    public void A_scan_stopped_by_a_time_limit_is_not_remembered()
    {
        var evidence = RepositoryEvidence.Create(Inventory(File("repo/SECURITY.md", ArtifactKind.Text, "Report to security@example.com\n")), Now, 1 << 20);
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        Assert.Throws<OperationCanceledException>(() => evidence.Policy(stopped.Token));
        Assert.True(evidence.Policy(CancellationToken.None).Value.HasContact);
    }
}

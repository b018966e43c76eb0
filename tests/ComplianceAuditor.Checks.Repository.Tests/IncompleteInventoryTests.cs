using ComplianceAuditor.Checks.Repository.Tests.Support;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Inventory;

namespace ComplianceAuditor.Checks.Repository.Tests;

/// <summary>When part of the tree was not listed, absence proves nothing: rules that would fail say inconclusive.</summary>
public sealed class IncompleteInventoryTests
{
    private static readonly InventoryOptions OneFile = new() { MaxFiles = 1 };

    [Theory]
    [InlineData("CMP3002")]
    [InlineData("CMP3006")]
    [InlineData("CMP3007")]
    [InlineData("CMP3009")]
    [InlineData("CMP3015")]
    [InlineData("CMP3016")]
    public async Task A_missing_document_in_a_partly_listed_tree_is_inconclusive(string ruleId)
    {
        using var repo = new RepoFixture().With("Makefile", "all:\n\tcc -o fw main.c\n").With("main.c", "int main(void) { return 0; }\n");

        var result = await repo.JudgeAsync(ruleId, OneFile);

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains("among the files that were read, but part of the target was not read (stopped after 1 files", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_tree_listed_whole_fails()
    {
        using var repo = new RepoFixture().With("Makefile", "all:\n\tcc -o fw main.c\n").With("main.c", "int main(void) { return 0; }\n");

        Assert.Equal(Outcome.Fail, (await repo.JudgeAsync("CMP3002")).Outcome);
    }

    [Fact]
    public async Task Evidence_that_was_listed_still_passes()
    {
        // "SECURITY.md" sorts before "src/", so it is the one file listed.
        using var repo = new RepoFixture().With("SECURITY.md", "Report to security@example.com\n").With("src/main.c", "int main;\n");

        var result = await repo.JudgeAsync("CMP3002", OneFile);

        Assert.Equal(Outcome.Pass, result.Outcome);
    }
}

using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Elf.Tests;

/// <summary>Malformed files (built by tests/fixtures/elf/make-malformed.py): never a crash or an error result.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> Malformed() =>
        new(Directory.EnumerateFiles(Path.Combine(ElfAudit.Fixtures, "malformed")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Every_rule_gives_a_reasoned_outcome_never_an_error(string file)
    {
        var results = await ElfAudit.RunAsync(Path.Combine(ElfAudit.Fixtures, "malformed", file));

        Assert.Equal(10, results.Count);
        Assert.All(results, r =>
        {
            Assert.NotEqual(Outcome.Error, r.Outcome);
            Assert.True(r.Outcome == Outcome.Pass || !string.IsNullOrEmpty(r.Reason), $"{r.RuleId} on {file} has no reason");
        });
    }

    [Theory]
    [InlineData("truncated-header", "truncated")]
    [InlineData("bad-class", "invalid class 7")]
    [InlineData("bad-data", "invalid data encoding 9")]
    public async Task Unreadable_header_is_inconclusive_naming_the_defect(string file, string defect)
    {
        var results = await ElfAudit.RunAsync(Path.Combine(ElfAudit.Fixtures, "malformed", file));

        Assert.All(results, r =>
        {
            Assert.Equal(Outcome.Inconclusive, r.Outcome);
            Assert.Contains(defect, r.Reason, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("truncated-phdrs", "CMP1001", "program header table")]
    [InlineData("absurd-phnum", "CMP1007", "program header table")]
    [InlineData("shoff-past-end", "CMP1008", "section header table")]
    [InlineData("absurd-shnum", "CMP1008", "section header table")]
    public async Task Defect_in_a_part_a_rule_reads_makes_that_rule_inconclusive(string file, string rule, string part)
    {
        var result = Assert.Single(await ElfAudit.RunAsync(Path.Combine(ElfAudit.Fixtures, "malformed", file), rule));

        Assert.Equal(Outcome.Inconclusive, result.Outcome);
        Assert.Contains(part, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-elf.so")]
    [InlineData("zero-length.so")]
    public async Task A_file_named_like_a_library_that_is_not_elf_is_not_read_as_one(string file)
    {
        var results = await ElfAudit.RunAsync(Path.Combine(ElfAudit.Fixtures, "malformed", file));

        Assert.All(results, r => Assert.Equal(Outcome.NotApplicable, r.Outcome));
    }
}

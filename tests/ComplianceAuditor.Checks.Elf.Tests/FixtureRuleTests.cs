using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Elf.Tests;

/// <summary>
/// Every ELF rule on every cross-built fixture (ARM, AArch64, MIPS 32/64 in both byte orders, x86-64; executables,
/// PIEs, libraries, objects, kernel modules, static, stripped, debug, W+X...), against the facts readelf gave when
/// the fixtures were built: pass, fail and not-applicable are all covered for each rule.
/// </summary>
public sealed class FixtureRuleTests
{
    public static TheoryData<string, string, Outcome> Cases()
    {
        var data = new TheoryData<string, string, Outcome>();
        foreach (var (file, rule, outcome) in FixtureExpectation.All())
        {
            data.Add(file, rule, outcome);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rule_gives_the_expected_outcome_on_the_fixture(string file, string rule, Outcome expected)
    {
        var result = Assert.Single(await ElfAudit.RunAsync(Path.Combine(ElfAudit.Fixtures, file), rule));

        Assert.True(expected == result.Outcome, $"{rule} on {file}: expected {expected}, got {result.Outcome} ({result.Reason})");
        Assert.True(result.Outcome == Outcome.Pass || !string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public void Every_rule_has_pass_fail_and_not_applicable_fixtures()
    {
        var byRule = FixtureExpectation.All().GroupBy(c => c.Rule).ToDictionary(g => g.Key, g => g.Select(c => c.Expected).ToHashSet());

        Assert.Equal(10, byRule.Count);
        foreach (var (rule, outcomes) in byRule)
        {
            Assert.True(outcomes.IsSupersetOf([Outcome.Pass, Outcome.Fail, Outcome.NotApplicable]), $"{rule} covers only {string.Join(", ", outcomes)}");
        }
    }
}

namespace ComplianceAuditor.Comparison.Tests;

public sealed class VerdictComparerTests
{
    public static TheoryData<string?, string?, ChangeKind> Pairs() => new()
    {
        // old, new, expected
        { "pass", "pass", ChangeKind.Unchanged },
        { "fail", "fail", ChangeKind.Unchanged },
        { "notApplicable", "notApplicable", ChangeKind.Unchanged },
        { "pass", "fail", ChangeKind.Regressed },
        { "pass", "inconclusive", ChangeKind.Regressed },
        { "pass", "notAssessed", ChangeKind.Regressed },
        { "notAssessed", "inconclusive", ChangeKind.Regressed },
        { "notAssessed", "fail", ChangeKind.Regressed },
        { "inconclusive", "fail", ChangeKind.Regressed },
        { "fail", "inconclusive", ChangeKind.Improved },
        { "fail", "notAssessed", ChangeKind.Improved },
        { "fail", "pass", ChangeKind.Improved },
        { "inconclusive", "notAssessed", ChangeKind.Improved },
        { "inconclusive", "pass", ChangeKind.Improved },
        { "notAssessed", "pass", ChangeKind.Improved },
        { "pass", "notApplicable", ChangeKind.Changed },
        { "notApplicable", "fail", ChangeKind.Changed },
        { "fail", "notApplicable", ChangeKind.Changed },
        { "notApplicable", "pass", ChangeKind.Changed },
        { "pass", "someFutureVerdict", ChangeKind.Changed },
        { null, "fail", ChangeKind.Added },
        { "pass", null, ChangeKind.Removed },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Verdict_pair_is_classified_by_the_documented_order(string? old, string? @new, ChangeKind expected)
    {
        Assert.Equal(expected, VerdictComparer.Classify(old, @new));
    }

    [Fact]
    public void Verdicts_are_compared_ordinally()
    {
        // The report spells verdicts in camelCase; another spelling is not the same verdict.
        Assert.Equal(ChangeKind.Changed, VerdictComparer.Classify("pass", "PASS"));
    }
}

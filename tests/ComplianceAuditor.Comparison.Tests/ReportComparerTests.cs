using static ComplianceAuditor.Comparison.Tests.ComparisonFixtures;

namespace ComplianceAuditor.Comparison.Tests;

public sealed class ReportComparerTests
{
    [Fact]
    public void Identical_reports_have_no_regression_and_every_entry_unchanged()
    {
        var report = Report([Scheme("s", Rating("FAIL", 10), ("1", "fail"), ("2", "pass"))], [Failure("v1:a"), Pass("v1:b")]);

        var comparison = ReportComparer.Compare(report, report);

        Assert.False(comparison.HasRegression);
        Assert.False(comparison.RulesetChanged);
        Assert.Equal(new ChangeCounts(1, 0, 0, 0, 0, 0), comparison.Summary.Schemes);
        Assert.Equal(new ChangeCounts(2, 0, 0, 0, 0, 0), comparison.Summary.Provisions);
        Assert.Equal(new FindingCounts(0, 0, 1, 0), comparison.Summary.Findings);
    }

    [Fact]
    public void Schemes_and_provisions_are_matched_by_id_and_counted()
    {
        var old = Report([
            Scheme("b-scheme", Rating("INCOMPLETE", 50), ("5.1-1", "pass"), ("5.1-2", "fail"), ("gone", "pass"), ("na", "pass")),
            Scheme("old-only", Rating("PASS", 100), ("1", "pass")),
        ]);
        var @new = Report([
            Scheme("a-new-only", Rating("FAIL", 0), ("1", "fail")),
            Scheme("b-scheme", Rating("FAIL", 50), ("5.1-1", "fail"), ("5.1-2", "pass"), ("added", "pass"), ("na", "notApplicable")),
        ]);

        var comparison = ReportComparer.Compare(old, @new);

        Assert.Equal(
            [("a-new-only", ChangeKind.Added), ("b-scheme", ChangeKind.Regressed), ("old-only", ChangeKind.Removed)],
            comparison.Schemes.Select(s => (s.SchemeId, s.Kind)));
        Assert.Equal(
            [
                ("a-new-only", "1", ChangeKind.Added),
                ("b-scheme", "5.1-1", ChangeKind.Regressed),
                ("b-scheme", "5.1-2", ChangeKind.Improved),
                ("b-scheme", "added", ChangeKind.Added),
                ("b-scheme", "gone", ChangeKind.Removed),
                ("b-scheme", "na", ChangeKind.Changed),
                ("old-only", "1", ChangeKind.Removed),
            ],
            comparison.Provisions.Select(p => (p.SchemeId, p.ProvisionId, p.Kind)));
        Assert.Equal(new ChangeCounts(0, 0, 1, 0, 1, 1), comparison.Summary.Schemes);
        Assert.Equal(new ChangeCounts(0, 1, 1, 1, 2, 2), comparison.Summary.Provisions);
        var removed = comparison.Provisions.Single(p => p.ProvisionId == "gone");
        Assert.Equal(("pass", null), (removed.OldVerdict, removed.NewVerdict));
    }

    public static TheoryData<string, bool> GateCases() => new()
    {
        { "scheme rating regressed", true },
        { "provision regressed", true },
        { "new unwaived finding", true },
        { "new waived finding", false },
        { "provision became not applicable", false },
        { "scheme and provisions removed", false },
        { "everything improved", false },
    };

    [Theory]
    [MemberData(nameof(GateCases))]
    public void Gate_trips_on_regressed_ratings_and_verdicts_and_on_new_unwaived_failures(string change, bool expected)
    {
        var baseline = Report([Scheme("s", Rating("INCOMPLETE", 50), ("1", "pass"), ("2", "notAssessed"))], [Failure("v1:old")]);
        var changed = change switch
        {
            "scheme rating regressed" => Report([Scheme("s", Rating("INCOMPLETE", 40), ("1", "pass"), ("2", "notAssessed"))], [Failure("v1:old")]),
            "provision regressed" => Report([Scheme("s", Rating("INCOMPLETE", 50), ("1", "pass"), ("2", "inconclusive"))], [Failure("v1:old")]),
            "new unwaived finding" => Report(baseline.Schemes, [Failure("v1:old"), Failure("v1:new")]),
            "new waived finding" => Report(baseline.Schemes, [Failure("v1:old"), Failure("v1:new", waiverApplied: true)]),
            "provision became not applicable" => Report([Scheme("s", Rating("INCOMPLETE", 50), ("1", "notApplicable"), ("2", "notAssessed"))], [Failure("v1:old")]),
            "scheme and provisions removed" => Report([], [Failure("v1:old")]),
            "everything improved" => Report([Scheme("s", Rating("PASS", 100), ("1", "pass"), ("2", "pass"))], []),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.Equal(expected, ReportComparer.Compare(baseline, changed).HasRegression);
    }

    [Fact]
    public void A_different_rule_set_is_flagged()
    {
        var comparison = ReportComparer.Compare(Report(ruleset: "aa"), Report(ruleset: "bb"));

        Assert.True(comparison.RulesetChanged);
    }
}

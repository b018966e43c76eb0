using static ComplianceAuditor.Comparison.Tests.ComparisonFixtures;

namespace ComplianceAuditor.Comparison.Tests;

public sealed class FindingComparerTests
{
    [Fact]
    public void Findings_are_matched_by_fingerprint_into_new_fixed_and_persisting()
    {
        var old = new[] { Failure("v1:fixed"), Failure("v1:kept", artifact: "fw.bin!/old/place") };
        var @new = new[] { Failure("v1:kept", artifact: "fw.bin!/new/place"), Failure("v1:added") };

        var changes = FindingComparer.Compare(old, @new).ToDictionary(c => c.Fingerprint);

        Assert.Equal(3, changes.Count);
        Assert.Equal(FindingKind.Fixed, changes["v1:fixed"].Kind);
        Assert.Equal(FindingKind.New, changes["v1:added"].Kind);
        Assert.Equal(FindingKind.Persisting, changes["v1:kept"].Kind);
        // What is shown comes from the newer report.
        Assert.Equal("fw.bin!/new/place", changes["v1:kept"].Artifact);
    }

    [Fact]
    public void Only_failures_are_findings()
    {
        // A result that passes in the new report is fixed; one that only ever passed is not listed at all.
        var changes = FindingComparer.Compare([Failure("v1:a"), Pass("v1:b")], [Pass("v1:a"), Pass("v1:b")]);

        var change = Assert.Single(changes);
        Assert.Equal(("v1:a", FindingKind.Fixed), (change.Fingerprint, change.Kind));
    }

    public static TheoryData<bool?, bool?, FindingKind, bool> Waivers() => new()
    {
        // waiver.applied in the old and the new report (null: no waiver object), expected kind, waiver lapsed
        { null, true, FindingKind.Waived, false },
        { true, true, FindingKind.Waived, false },
        { true, null, FindingKind.New, true },
        { true, false, FindingKind.New, true },
        { false, true, FindingKind.Waived, false },
        { false, false, FindingKind.Persisting, false },
        { null, false, FindingKind.Persisting, false },
    };

    [Theory]
    [MemberData(nameof(Waivers))]
    public void A_waived_failure_is_not_a_failure_and_a_lapsed_waiver_makes_it_new(bool? oldApplied, bool? newApplied, FindingKind expected, bool lapsed)
    {
        var change = Assert.Single(FindingComparer.Compare([Failure("v1:x", oldApplied)], [Failure("v1:x", newApplied)]));

        Assert.Equal(expected, change.Kind);
        Assert.Equal(lapsed, change.WaiverLapsed);
    }

    [Fact]
    public void A_failure_that_appears_waived_is_waived_and_a_waived_one_that_goes_away_is_fixed()
    {
        var appeared = Assert.Single(FindingComparer.Compare([], [Failure("v1:x", waiverApplied: true)]));
        var gone = Assert.Single(FindingComparer.Compare([Failure("v1:x", waiverApplied: true)], []));

        Assert.Equal((FindingState.Absent, FindingState.Waived, FindingKind.Waived), (appeared.Old, appeared.New, appeared.Kind));
        Assert.Equal((FindingState.Waived, FindingState.Absent, FindingKind.Fixed), (gone.Old, gone.New, gone.Kind));
    }

    [Fact]
    public void A_repeated_fingerprint_cannot_hide_an_unwaived_failure_behind_a_waived_one()
    {
        var change = Assert.Single(FindingComparer.Compare([], [Failure("v1:x", waiverApplied: true), Failure("v1:x")]));

        Assert.Equal(FindingKind.New, change.Kind);
    }

    [Fact]
    public void Findings_are_ordered_by_rule_artifact_and_fingerprint_ordinally()
    {
        var @new = new[]
        {
            Failure("v1:3", rule: "CMP2001", artifact: "b"),
            Failure("v1:2", rule: "CMP1001", artifact: "b"),
            Failure("v1:1", rule: "CMP2001", artifact: "B"),
            Failure("v1:0", rule: "CMP2001", artifact: "B"),
        };

        var order = FindingComparer.Compare([], @new).Select(c => c.Fingerprint);

        Assert.Equal(["v1:2", "v1:0", "v1:1", "v1:3"], order);
    }
}

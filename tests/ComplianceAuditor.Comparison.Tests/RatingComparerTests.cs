using ComplianceAuditor.Comparison.Reading;
using static ComplianceAuditor.Comparison.Tests.ComparisonFixtures;

namespace ComplianceAuditor.Comparison.Tests;

public sealed class RatingComparerTests
{
    public static TheoryData<string, ReportRating?, ReportRating?, ChangeKind> Pairs() => new()
    {
        // name, old, new, expected
        { "same label and score", Rating("FAIL", 12.1), Rating("FAIL", 12.1), ChangeKind.Unchanged },
        { "PASS to FAIL", Rating("PASS", 100), Rating("FAIL", 90), ChangeKind.Regressed },
        { "PASS to INCOMPLETE", Rating("PASS", 100), Rating("INCOMPLETE", 100), ChangeKind.Regressed },
        { "INCOMPLETE to FAIL even with a higher score", Rating("INCOMPLETE", 20), Rating("FAIL", 60), ChangeKind.Regressed },
        { "FAIL to INCOMPLETE even with a lower score", Rating("FAIL", 60), Rating("INCOMPLETE", 20), ChangeKind.Improved },
        { "INCOMPLETE to PASS", Rating("INCOMPLETE", 39.4), Rating("PASS", 100), ChangeKind.Improved },
        { "same label, score down", Rating("FAIL", 12.1), Rating("FAIL", 0), ChangeKind.Regressed },
        { "same label, score up", Rating("INCOMPLETE", 20), Rating("INCOMPLETE", 39.4), ChangeKind.Improved },
        { "levels: level up", Rating("FAIL", 10, level: 1), Rating("FAIL", 5, level: 2), ChangeKind.Improved },
        { "levels: level down beats a better label", Rating("FAIL", 0, level: 3), Rating("PASS", 100, level: 2), ChangeKind.Regressed },
        { "levels: same level, score moved", Rating("PASS", 80, level: 2), Rating("PASS", 40, level: 2), ChangeKind.Unchanged },
        { "level on one side only: label decides", Rating("PASS", 100, level: 2), Rating("FAIL", 100), ChangeKind.Regressed },
        { "unknown label cannot be ranked", Rating("PASS", 100), Rating("GOLD", 100), ChangeKind.Changed },
        { "a scheme that stopped applying is only changed", Rating("PASS", 100), Rating("NOT APPLICABLE", 0), ChangeKind.Changed },
        { "stars: from 1 star to 0 stars", Rating("1 STAR", 20, level: 1), Rating("0 STARS", 20, level: 0), ChangeKind.Regressed },
        { "scheme added", null, Rating("PASS", 100), ChangeKind.Added },
        { "scheme removed", Rating("PASS", 100), null, ChangeKind.Removed },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Rating_pair_is_classified_by_label_score_and_level(string name, ReportRating? old, ReportRating? @new, ChangeKind expected)
    {
        var actual = RatingComparer.Classify(old, @new);

        Assert.True(expected == actual, $"{name}: expected {expected}, got {actual}");
    }
}

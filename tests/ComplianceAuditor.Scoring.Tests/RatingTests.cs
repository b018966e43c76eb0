using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;
using static ComplianceAuditor.Scoring.Tests.ScoringFixtures;
using static ComplianceAuditor.Scoring.Verdict;

namespace ComplianceAuditor.Scoring.Tests;

public sealed class RatingTests
{
    private static readonly SchemeRatingDefinition Share = new(RatingModel.MandatoryShare, [], null);

    private static readonly SchemeRatingDefinition PassFail = new(RatingModel.PassFail, [], null);

    private static readonly SchemeRatingDefinition Levels = new(
        RatingModel.Levels,
        [new(1, "basic", ["A", "B"], null), new(2, "standard", ["C"], null), new(3, "advanced", ["D"], null)],
        null);

    private static readonly SchemeRatingDefinition Stars = new(
        RatingModel.Stars,
        [new(1, "one", ["A"], null), new(2, "two", ["B"], null), new(3, "three", ["C"], null)],
        null);

    public static TheoryData<string, Verdict[], Verdict[], string, double, string?, bool> ShareCases() => new()
    {
        // name, mandatory verdicts, recommended verdicts, label, score, grade, failed
        { "every applicable mandatory passes → PASS, A", [Pass, Pass, Pass, Pass], [], "PASS", 100.0, "A", false },
        { "one mandatory fails → FAIL", [Pass, Pass, Pass, Fail], [], "FAIL", 75.0, "C", true },
        { "19 of 20 → B", [.. Enumerable.Repeat(Pass, 19), NotAssessed], [], "INCOMPLETE", 95.0, "B", false },
        { "9 of 10 → B at the threshold", [.. Enumerable.Repeat(Pass, 9), Inconclusive], [], "INCOMPLETE", 90.0, "B", false },
        { "8 of 9 → C", [.. Enumerable.Repeat(Pass, 8), NotAssessed], [], "INCOMPLETE", 88.9, "C", false },
        { "3 of 4 → C at the threshold", [Pass, Pass, Pass, NotAssessed], [], "INCOMPLETE", 75.0, "C", false },
        { "2 of 3 → D", [Pass, Pass, Inconclusive], [], "INCOMPLETE", 66.7, "D", false },
        { "1 of 2 → D at the threshold", [Pass, NotAssessed], [], "INCOMPLETE", 50.0, "D", false },
        { "1 of 3 → E", [Pass, NotAssessed, NotAssessed], [], "INCOMPLETE", 33.3, "E", false },
        { "none passed → E", [NotAssessed, Inconclusive], [], "INCOMPLETE", 0.0, "E", false },
        { "not applicable leaves the share", [Pass, Pass, Pass, NotApplicable], [], "PASS", 100.0, "A", false },
        { "not applicable leaves the share, a fail still fails", [Fail, NotApplicable, Pass], [], "FAIL", 50.0, "D", true },
        { "every mandatory not applicable → NOT APPLICABLE, no grade", [NotApplicable, NotApplicable], [Pass], "NOT APPLICABLE", 0.0, null, false },
        { "recommended provisions do not move the rating", [Pass], [Fail, NotAssessed], "PASS", 100.0, "A", false },
        { "no mandatory provision → rated over all: a fail fails", [], [Pass, Fail], "FAIL", 50.0, "D", true },
        { "no mandatory provision → rated over all: all pass", [], [Pass, NotApplicable], "PASS", 100.0, "A", false },
        { "no mandatory provision → rated over all: none applies", [], [NotApplicable], "NOT APPLICABLE", 0.0, null, false },
        { "no provision at all → INCOMPLETE, no grade", [], [], "INCOMPLETE", 0.0, null, false },
    };

    [Theory]
    [MemberData(nameof(ShareCases))]
    public void Mandatory_share_rating(string name, Verdict[] mandatory, Verdict[] recommended, string label, double score, string? grade, bool failed)
    {
        var rating = RatingCalculator.Rate(Share, Provisions(mandatory, recommended));

        Assert.True(label == rating.Label, $"{name}: expected {label}, got {rating.Label}");
        Assert.Equal(score, rating.Score);
        Assert.Equal(grade, rating.Grade);
        Assert.Equal(failed, rating.Failed);
        Assert.Equal(RatingModel.MandatoryShare, rating.Model);
        Assert.Equal(RatingFormulas.MandatoryShare, rating.Formula);
        Assert.Null(rating.Level);
        Assert.Null(rating.MaxLevel);
    }

    public static TheoryData<double, int, string?> GradeCases() => new()
    {
        { 100.0, 4, "A" },
        { 99.9, 4, "B" },
        { 90.0, 4, "B" },
        { 89.9, 4, "C" },
        { 75.0, 4, "C" },
        { 74.9, 4, "D" },
        { 50.0, 4, "D" },
        { 49.9, 4, "E" },
        { 0.0, 4, "E" },
        { 0.0, 0, null },
    };

    [Theory]
    [MemberData(nameof(GradeCases))]
    public void Grade_thresholds(double score, int applicable, string? grade) =>
        Assert.Equal(grade, RatingCalculator.Grade(score, applicable));

    [Fact]
    public void Mandatory_share_explanation_names_the_rated_provisions_that_hold_it_back()
    {
        var rating = RatingCalculator.Rate(Share,
        [
            Judged("M-1", Pass),
            Judged("M-2", Fail),
            Judged("M-3", NotAssessed),
            Judged("M-4", Inconclusive),
            Judged("M-5", NotApplicable),
            Judged("R-1", Fail, ProvisionStatus.Recommended),
        ]);

        Assert.Equal(["M-2 (fail)", "M-3 (not assessed)", "M-4 (inconclusive)"], rating.Explanation);
    }

    [Fact]
    public void Not_applicable_rating_explains_that_nothing_applies()
    {
        var rating = RatingCalculator.Rate(Share, [Judged("M-1", NotApplicable)]);

        Assert.Equal(["no rated provision applies to the device as declared"], rating.Explanation);
    }

    public static TheoryData<string, Verdict[], string, double, bool> PassFailCases() => new()
    {
        // name, mandatory verdicts, label, score, failed
        { "every applicable mandatory passes → PASS", [Pass, Pass], "PASS", 100.0, false },
        { "pass with not applicable → PASS", [Pass, NotApplicable], "PASS", 100.0, false },
        { "a fail → FAIL", [Pass, Fail], "FAIL", 50.0, true },
        { "a fail beside not assessed → FAIL", [Fail, NotAssessed], "FAIL", 0.0, true },
        { "not assessed → INCOMPLETE, not failed", [Pass, NotAssessed], "INCOMPLETE", 50.0, false },
        { "inconclusive → INCOMPLETE, not failed", [Pass, Inconclusive], "INCOMPLETE", 50.0, false },
        { "none applies → NOT APPLICABLE, not failed", [NotApplicable, NotApplicable], "NOT APPLICABLE", 0.0, false },
    };

    [Theory]
    [MemberData(nameof(PassFailCases))]
    public void Pass_fail_rating(string name, Verdict[] mandatory, string label, double score, bool failed)
    {
        var rating = RatingCalculator.Rate(PassFail, Provisions(mandatory, [Fail]));

        Assert.True(label == rating.Label, $"{name}: expected {label}, got {rating.Label}");
        Assert.Equal(score, rating.Score);
        Assert.Equal(failed, rating.Failed);
        Assert.Null(rating.Grade);
        Assert.Null(rating.Level);
        Assert.Equal(RatingModel.PassFail, rating.Model);
        Assert.Equal(RatingFormulas.PassFail, rating.Formula);
    }

    public static TheoryData<string, Verdict[], string, int, bool, string[]> LevelCases() => new()
    {
        // name, verdicts of A, B (level 1), C (level 2), D (level 3), label, level, failed, explanation
        { "every level passes → the top level", [Pass, Pass, Pass, Pass], "LEVEL 3", 3, false, [] },
        { "not applicable counts as met", [NotApplicable, Pass, NotApplicable, Pass], "LEVEL 3", 3, false, [] },
        { "level 3 not assessed → LEVEL 2", [Pass, Pass, Pass, NotAssessed], "LEVEL 2", 2, false, ["level 3 (advanced) needs D (not assessed)"] },
        { "level 2 fails → LEVEL 1, not failed", [Pass, Pass, Fail, Pass], "LEVEL 1", 1, false, ["level 2 (standard) needs C (fail)"] },
        { "a blocked level stops the higher ones", [Pass, Pass, Inconclusive, Pass], "LEVEL 1", 1, false, ["level 2 (standard) needs C (inconclusive)"] },
        { "level 1 fails → NO LEVEL, failed", [Pass, Fail, Pass, Pass], "NO LEVEL", 0, true, ["level 1 (basic) needs B (fail)"] },
        { "level 1 unproven → NO LEVEL, not failed", [Inconclusive, NotAssessed, Pass, Pass], "NO LEVEL", 0, false, ["level 1 (basic) needs A (inconclusive)", "level 1 (basic) needs B (not assessed)"] },
    };

    [Theory]
    [MemberData(nameof(LevelCases))]
    public void Levels_rating(string name, Verdict[] verdicts, string label, int level, bool failed, string[] explanation)
    {
        var rating = RatingCalculator.Rate(Levels, Provisions(verdicts, [], ["A", "B", "C", "D"]));

        Assert.True(label == rating.Label, $"{name}: expected {label}, got {rating.Label}");
        Assert.Equal(level, rating.Level);
        Assert.Equal(3, rating.MaxLevel);
        Assert.Equal(failed, rating.Failed);
        Assert.Equal(explanation, rating.Explanation);
        Assert.Null(rating.Grade);
        Assert.Equal(RatingModel.Levels, rating.Model);
        Assert.Equal(RatingFormulas.Levels, rating.Formula);
    }

    public static TheoryData<string, Verdict[], string, int, bool> StarCases() => new()
    {
        // name, verdicts of A (1 star), B (2 stars), C (3 stars), label, stars, failed
        { "every criterion passes → 3 STARS", [Pass, Pass, Pass], "3 STARS", 3, false },
        { "third star not assessed → 2 STARS", [Pass, Pass, NotAssessed], "2 STARS", 2, false },
        { "second star fails → 1 STAR, not failed", [Pass, Fail, Pass], "1 STAR", 1, false },
        { "first star not applicable counts as met", [NotApplicable, Fail, Pass], "1 STAR", 1, false },
        { "first star fails → 0 STARS, failed", [Fail, Pass, Pass], "0 STARS", 0, true },
        { "first star inconclusive → 0 STARS, not failed", [Inconclusive, Pass, Pass], "0 STARS", 0, false },
    };

    [Theory]
    [MemberData(nameof(StarCases))]
    public void Stars_rating(string name, Verdict[] verdicts, string label, int stars, bool failed)
    {
        var rating = RatingCalculator.Rate(Stars, Provisions(verdicts, [], ["A", "B", "C"]));

        Assert.True(label == rating.Label, $"{name}: expected {label}, got {rating.Label}");
        Assert.Equal(stars, rating.Level);
        Assert.Equal(3, rating.MaxLevel);
        Assert.Equal(failed, rating.Failed);
        Assert.Equal(RatingModel.Stars, rating.Model);
        Assert.Equal(RatingFormulas.Stars, rating.Formula);
    }

    [Fact]
    public void Levels_report_the_mandatory_share_as_their_score()
    {
        var rating = RatingCalculator.Rate(Levels, Provisions([Pass, Pass, Fail, NotAssessed], [], ["A", "B", "C", "D"]));

        Assert.Equal(50.0, rating.Score);
    }

    [Fact]
    public void A_lab_only_level_is_never_reached_even_when_every_check_passes()
    {
        var scheme = Scheme(
            "cls",
            [
                Provision(["CHK-A-01"], id: "A"),
                Provision(["CHK-B-01"], id: "B"),
                Provision([], [AssessmentMethod.Lab], id: "PENTEST"),
            ],
            new SchemeRatingDefinition(RatingModel.Levels, [new(1, "basic", ["A"], null), new(2, "binary", ["B"], null), new(3, "lab", ["PENTEST"], null)], null));
        var results = new[] { Result("CHK-A-01", Outcome.Pass), Result("CHK-B-01", Outcome.Pass, "CMP9002") };

        var assessment = SchemeEvaluator.Evaluate(scheme, results, Firmware);

        Assert.Equal("LEVEL 2", assessment.Rating.Label);
        Assert.Equal(2, assessment.Rating.Level);
        Assert.False(assessment.Rating.Failed);
        Assert.Equal(["level 3 (lab) needs PENTEST (not assessed)"], assessment.Rating.Explanation);
    }

    /// <summary>Mandatory provisions (named by <paramref name="ids"/> or M-1, M-2, ...) then recommended ones (R-1, ...).</summary>
    private static ProvisionAssessment[] Provisions(Verdict[] mandatory, Verdict[] recommended, string[]? ids = null) =>
    [
        .. mandatory.Select((v, i) => Judged(ids?[i] ?? $"M-{i + 1}", v)),
        .. recommended.Select((v, i) => Judged($"R-{i + 1}", v, ProvisionStatus.Recommended)),
    ];
}

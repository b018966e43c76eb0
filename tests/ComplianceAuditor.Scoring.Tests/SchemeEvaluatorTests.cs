using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;
using static ComplianceAuditor.Scoring.Tests.ScoringFixtures;

namespace ComplianceAuditor.Scoring.Tests;

public sealed class SchemeEvaluatorTests
{
    [Fact]
    public void Every_provision_gets_a_verdict_and_recommended_ones_do_not_move_the_rating()
    {
        var scheme = Scheme("s",
        [
            Provision(["CHK-A-01"], id: "M-1"),
            Provision(["CHK-B-01"], status: ProvisionStatus.Recommended, id: "R-1"),
            Provision([], id: "M-2"),
        ]);
        var results = new[] { Result("CHK-A-01", Outcome.Pass), Result("CHK-B-01", Outcome.Fail, "CMP9002") };

        var assessment = SchemeEvaluator.Evaluate(scheme, results, Firmware);

        Assert.Same(scheme, assessment.Scheme);
        Assert.Equal(["M-1", "R-1", "M-2"], assessment.Provisions.Select(p => p.Provision.Id));
        Assert.Equal([Verdict.Pass, Verdict.Fail, Verdict.NotAssessed], assessment.Provisions.Select(p => p.Verdict));
        Assert.Equal(3, assessment.Summary.Total);
        Assert.Equal(1, assessment.Summary.Fail);
        Assert.Equal(0, assessment.Summary.MandatoryFail);
        Assert.Equal("INCOMPLETE", assessment.Rating.Label);
        Assert.Equal(50.0, assessment.Rating.Score);
        Assert.Equal(["M-2 (not assessed)"], assessment.Rating.Explanation);
    }

    [Fact]
    public void The_summary_counts_verdicts_conflicts_and_declaration_based_verdicts()
    {
        var conditions = new SchemeCondition[] { new("C1", "the device uses passwords", "passwords", "true") };
        var scheme = Scheme("s",
        [
            Provision(["CHK-A-01"], [AssessmentMethod.Automated, AssessmentMethod.Declaration], id: "M-1"),
            Provision(["CHK-B-01"], id: "M-2", conditions: ["C1"]),
            Provision([], id: "M-3"),
            Provision([], id: "R-1", status: ProvisionStatus.Recommended),
            Provision(["CHK-B-01"], id: "R-2", status: ProvisionStatus.Recommended),
        ], conditions: conditions);
        var context = Firmware with
        {
            Declaration = Declared([Fact("passwords", "false")], [Met("s", "M-1", "manual"), Met("s", "M-3", "policy")]),
        };
        var results = new[] { Result("CHK-A-01", Outcome.Fail), Result("CHK-B-01", Outcome.Inconclusive, "CMP9002") };

        var summary = SchemeEvaluator.Evaluate(scheme, results, context).Summary;

        Assert.Equal(
            new SchemeSummary
            {
                Total = 5,
                Pass = 1,
                Fail = 1,
                NotApplicable = 1,
                Inconclusive = 1,
                NotAssessed = 1,
                Mandatory = 3,
                MandatoryPass = 1,
                MandatoryFail = 1,
                MandatoryNotApplicable = 1,
                Conflicts = 1,
                Declared = 2,
            },
            summary);
    }

    [Fact]
    public void Indexed_evaluation_links_the_same_results_in_report_order_as_judging_each_provision()
    {
        var scheme = Scheme("s", [Provision(["CHK-A-01"], id: "M-1"), Provision(["CHK-A-01", "CHK-B-01"], id: "M-2"), Provision(["CHK-B-01"], id: "M-3")]);

        // Results of two rules interleaved, as the engine's (rule, artifact) order never produces but a caller might.
        var results = Enumerable.Range(0, 12)
            .Select(i => i % 3 == 0
                ? Result("CHK-B-01", i % 2 == 0 ? Outcome.Fail : Outcome.Pass, "CMP9002", $"fs/b{i}")
                : Result("CHK-A-01", i % 4 == 1 ? Outcome.Inconclusive : Outcome.Pass, "CMP9001", $"fs/a{i}"))
            .ToArray();

        var assessment = SchemeEvaluator.Evaluate(scheme, results, Firmware);

        foreach (var judged in assessment.Provisions)
        {
            var direct = ProvisionJudge.Judge(scheme, judged.Provision, results, Firmware);
            Assert.Equal(direct.Results.Select(r => r.Fingerprint), judged.Results.Select(r => r.Fingerprint));
            Assert.Equal(direct.Verdict, judged.Verdict);
            Assert.Equal(direct.Reasons, judged.Reasons);
        }

        Assert.Equal(12, assessment.Provisions[1].Results.Count);
    }

    [Fact]
    public void The_rating_follows_the_schemes_model()
    {
        var scheme = Scheme("s", [Provision(["CHK-A-01"], id: "M-1")], new SchemeRatingDefinition(RatingModel.PassFail, [], null));

        var rating = SchemeEvaluator.Evaluate(scheme, [Result("CHK-A-01", Outcome.Fail)], Firmware).Rating;

        Assert.Equal(RatingModel.PassFail, rating.Model);
        Assert.Equal("FAIL", rating.Label);
        Assert.True(rating.Failed);
        Assert.Null(rating.Grade);
    }
}

using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;
using static ComplianceAuditor.Scoring.Tests.ScoringFixtures;

namespace ComplianceAuditor.Scoring.Tests;

public sealed class SchemeEvaluatorTests
{
    public static TheoryData<int, int, int, int, string, double> Ratings() => new()
    {
        // mandatory, mandatory pass, mandatory fail, mandatory not applicable, label, score
        { 4, 4, 0, 0, "PASS", 100.0 },
        { 4, 3, 1, 0, "FAIL", 75.0 },
        { 4, 2, 0, 0, "INCOMPLETE", 50.0 },
        { 4, 3, 0, 1, "PASS", 100.0 },
        { 3, 1, 0, 0, "INCOMPLETE", 33.3 },
        { 0, 0, 0, 0, "INCOMPLETE", 0.0 },
        { 2, 0, 0, 2, "INCOMPLETE", 0.0 },
    };

    [Theory]
    [MemberData(nameof(Ratings))]
    public void Rating_follows_the_mandatory_share_formula(int mandatory, int pass, int fail, int notApplicable, string label, double score)
    {
        var rating = SchemeEvaluator.Rate(new SchemeSummary { Mandatory = mandatory, MandatoryPass = pass, MandatoryFail = fail, MandatoryNotApplicable = notApplicable });

        Assert.Equal(label, rating.Label);
        Assert.Equal(score, rating.Score);
        Assert.Equal(SchemeEvaluator.MandatoryShareFormula, rating.Formula);
    }

    [Fact]
    public void Every_provision_gets_a_verdict_and_recommended_ones_do_not_move_the_rating()
    {
        var scheme = new SchemeDefinition
        {
            Id = "s",
            Title = "scheme",
            ShortTitle = "s",
            Version = "1",
            Provisions =
            [
                Provision(["CHK-A-01"], id: "M-1"),
                Provision(["CHK-B-01"], status: ProvisionStatus.Recommended, id: "R-1"),
                Provision([], id: "M-2"),
            ],
            Source = new SourceFile("s.yaml", new Dictionary<string, SourcePosition>()),
        };
        var results = new[] { Result("CHK-A-01", Outcome.Pass), Result("CHK-B-01", Outcome.Fail, "CMP9002") };

        var assessment = SchemeEvaluator.Evaluate(scheme, results, Firmware);

        Assert.Equal(["M-1", "R-1", "M-2"], assessment.Provisions.Select(p => p.Provision.Id));
        Assert.Equal([Verdict.Pass, Verdict.Fail, Verdict.NotAssessed], assessment.Provisions.Select(p => p.Verdict));
        Assert.Equal(3, assessment.Summary.Total);
        Assert.Equal(1, assessment.Summary.Fail);
        Assert.Equal(0, assessment.Summary.MandatoryFail);
        Assert.Equal("INCOMPLETE", assessment.Rating.Label);
        Assert.Equal(50.0, assessment.Rating.Score);
    }

    [Fact]
    public void Indexed_evaluation_links_the_same_results_in_report_order_as_judging_each_provision()
    {
        var scheme = new SchemeDefinition
        {
            Id = "s",
            Title = "scheme",
            ShortTitle = "s",
            Version = "1",
            Provisions = [Provision(["CHK-A-01"], id: "M-1"), Provision(["CHK-A-01", "CHK-B-01"], id: "M-2"), Provision(["CHK-B-01"], id: "M-3")],
            Source = new SourceFile("s.yaml", new Dictionary<string, SourcePosition>()),
        };

        // Results of two rules interleaved, as the engine's (rule, artifact) order never produces but a caller might.
        var results = Enumerable.Range(0, 12)
            .Select(i => i % 3 == 0
                ? Result("CHK-B-01", i % 2 == 0 ? Outcome.Fail : Outcome.Pass, "CMP9002", $"fs/b{i}")
                : Result("CHK-A-01", i % 4 == 1 ? Outcome.Inconclusive : Outcome.Pass, "CMP9001", $"fs/a{i}"))
            .ToArray();

        var assessment = SchemeEvaluator.Evaluate(scheme, results, Firmware);

        foreach (var judged in assessment.Provisions)
        {
            var direct = ProvisionJudge.Judge("s", judged.Provision, results, Firmware);
            Assert.Equal(direct.Results.Select(r => r.Fingerprint), judged.Results.Select(r => r.Fingerprint));
            Assert.Equal(direct.Verdict, judged.Verdict);
            Assert.Equal(direct.Reasons, judged.Reasons);
        }

        Assert.Equal(12, assessment.Provisions[1].Results.Count);
    }
}

using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;
using static ComplianceAuditor.Scoring.Tests.ScoringFixtures;

namespace ComplianceAuditor.Scoring.Tests;

public sealed class ProvisionJudgeTests
{
    public static TheoryData<string, string[], Outcome[], Verdict> Cases() => new()
    {
        // name, provision checks, outcomes of CHK-A-01 results, expected verdict
        { "one pass covers a single-check provision", ["CHK-A-01"], [Outcome.Pass], Verdict.Pass },
        { "any fail fails", ["CHK-A-01"], [Outcome.Pass, Outcome.Fail, Outcome.Pass], Verdict.Fail },
        { "fail wins over inconclusive", ["CHK-A-01"], [Outcome.Inconclusive, Outcome.Fail], Verdict.Fail },
        { "inconclusive without fail", ["CHK-A-01"], [Outcome.Pass, Outcome.Inconclusive], Verdict.Inconclusive },
        { "an error is not a pass", ["CHK-A-01"], [Outcome.Pass, Outcome.Error], Verdict.Inconclusive },
        { "partial evidence is not a pass", ["CHK-A-01", "CHK-B-01"], [Outcome.Pass], Verdict.Inconclusive },
        { "only not-applicable results: nothing assessed", ["CHK-A-01"], [Outcome.NotApplicable], Verdict.NotAssessed },
        { "no results at all", ["CHK-A-01"], [], Verdict.NotAssessed },
        { "repository check in a firmware-only audit", ["CHK-R-01"], [], Verdict.NotAssessed },
        { "multi-version check is not expected from one image", ["CHK-A-01", "CHK-M-01"], [Outcome.Pass], Verdict.Pass },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verdict_follows_the_documented_model(string name, string[] checks, Outcome[] outcomes, Verdict expected)
    {
        var results = outcomes.Select((o, i) => Result("CHK-A-01", o, artifact: $"fs/f{i}")).ToArray();

        var assessment = ProvisionJudge.Judge("s", Provision(checks), results, Firmware);

        Assert.True(expected == assessment.Verdict, $"{name}: expected {expected}, got {assessment.Verdict} ({string.Join("; ", assessment.Reasons)})");
        Assert.NotEmpty(assessment.Reasons);
    }

    [Fact]
    public void Reasons_name_the_first_failures_in_report_order_across_rules_and_count_the_rest()
    {
        // Two rules of the provision with four failures each, a rule of another check between them, and passes.
        var results = new[] { ("CMP9001", "CHK-A-01"), ("CMP9002", "CHK-C-01"), ("CMP9003", "CHK-A-01") }
            .SelectMany(r => Enumerable.Range(0, 5).Select(i => Result(r.Item2, i == 4 ? Outcome.Pass : Outcome.Fail, r.Item1, $"fs/{r.Item1}/f{i}")))
            .ToArray();

        var assessment = ProvisionJudge.Judge("s", Provision(["CHK-A-01"]), results, Firmware);

        Assert.Equal(Verdict.Fail, assessment.Verdict);
        Assert.Equal(
            ["CMP9001 failed on fs/CMP9001/f0", "CMP9001 failed on fs/CMP9001/f1", "CMP9001 failed on fs/CMP9001/f2", "CMP9001 failed on fs/CMP9001/f3", "CMP9003 failed on fs/CMP9003/f0", "and 3 more"],
            assessment.Reasons.Select(r => r.Split(':')[0]));
        Assert.Equal(10, assessment.Results.Count);
        Assert.Equal(results.Where(r => r.RuleId != "CMP9002"), assessment.Results);
        Assert.Same(results[14], assessment.Results[9]);
    }

    [Fact]
    public void Declaration_only_provision_is_not_assessed_and_says_what_would_settle_it()
    {
        var assessment = ProvisionJudge.Judge("s", Provision([], [AssessmentMethod.Declaration]), [], Firmware);

        Assert.Equal(Verdict.NotAssessed, assessment.Verdict);
        Assert.Contains("declaration", Assert.Single(assessment.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_of_a_provision_that_also_needs_a_declaration_says_so()
    {
        var provision = Provision(["CHK-A-01"], [AssessmentMethod.Automated, AssessmentMethod.Declaration]);

        var assessment = ProvisionJudge.Judge("s", provision, [Result("CHK-A-01", Outcome.Pass)], Firmware);

        Assert.Equal(Verdict.Pass, assessment.Verdict);
        Assert.Contains(assessment.Reasons, r => r.Contains("declaration", StringComparison.Ordinal));
    }

    [Fact]
    public void Repository_evidence_counts_when_a_repository_was_audited()
    {
        var context = Firmware with { TargetKinds = [TargetKind.Rootfs, TargetKind.Repo] };

        var assessment = ProvisionJudge.Judge("s", Provision(["CHK-R-01"]), [Result("CHK-R-01", Outcome.Fail)], context);

        Assert.Equal(Verdict.Fail, assessment.Verdict);
    }

    [Fact]
    public void Results_link_through_an_explicit_provision_mapping_too()
    {
        var result = Result("CHK-B-01", Outcome.Fail);
        result = result with { Rule = result.Rule with { Provisions = [new("s", "P-1")] } };

        var assessment = ProvisionJudge.Judge("s", Provision(["CHK-A-01"]), [result], Firmware);

        Assert.Equal(Verdict.Fail, assessment.Verdict);
        Assert.Same(result, Assert.Single(assessment.Results));
    }

    [Fact]
    public void Unrelated_results_are_not_linked()
    {
        var assessment = ProvisionJudge.Judge("s", Provision(["CHK-A-01"]), [Result("CHK-B-01", Outcome.Fail)], Firmware);

        Assert.Equal(Verdict.NotAssessed, assessment.Verdict);
        Assert.Empty(assessment.Results);
    }
}

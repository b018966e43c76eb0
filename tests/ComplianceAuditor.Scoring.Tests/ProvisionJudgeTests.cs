using ComplianceAuditor.Core.Model;
using static ComplianceAuditor.Scoring.Tests.ScoringFixtures;

namespace ComplianceAuditor.Scoring.Tests;

/// <summary>How results link to provisions, and what a verdict's reasons list.</summary>
public sealed class ProvisionJudgeTests
{
    [Fact]
    public void Reasons_name_the_first_failures_in_report_order_across_rules_and_count_the_rest()
    {
        // Two rules of the provision with four failures each, a rule of another check between them, and passes.
        var results = new[] { ("CMP9001", "CHK-A-01"), ("CMP9002", "CHK-C-01"), ("CMP9003", "CHK-A-01") }
            .SelectMany(r => Enumerable.Range(0, 5).Select(i => Result(r.Item2, i == 4 ? Outcome.Pass : Outcome.Fail, r.Item1, $"fs/{r.Item1}/f{i}")))
            .ToArray();
        var provision = Provision(["CHK-A-01"]);

        var assessment = ProvisionJudge.Judge(SchemeOf(provision), provision, results, Firmware);

        Assert.Equal(Verdict.Fail, assessment.Verdict);
        Assert.Equal(
            ["CMP9001 failed on fs/CMP9001/f0", "CMP9001 failed on fs/CMP9001/f1", "CMP9001 failed on fs/CMP9001/f2", "CMP9001 failed on fs/CMP9001/f3", "CMP9003 failed on fs/CMP9003/f0", "and 3 more"],
            assessment.Reasons.Select(r => r.Split(':')[0]));
        Assert.Equal(10, assessment.Results.Count);
        Assert.Equal(results.Where(r => r.RuleId != "CMP9002"), assessment.Results);
        Assert.Same(results[14], assessment.Results[9]);
    }

    [Fact]
    public void Repository_evidence_counts_when_a_repository_was_audited()
    {
        var context = Firmware with { TargetKinds = [TargetKind.Rootfs, TargetKind.Repo] };
        var provision = Provision(["CHK-R-01"]);

        var failed = ProvisionJudge.Judge(SchemeOf(provision), provision, [Result("CHK-R-01", Outcome.Fail)], context);
        var passed = ProvisionJudge.Judge(SchemeOf(provision), provision, [Result("CHK-R-01", Outcome.Pass)], context);

        Assert.Equal(Verdict.Fail, failed.Verdict);
        Assert.Equal(Verdict.Pass, passed.Verdict);
    }

    [Fact]
    public void Multi_version_check_is_expected_when_two_versions_were_compared()
    {
        var provision = Provision(["CHK-A-01", "CHK-M-01"]);

        var assessment = ProvisionJudge.Judge(SchemeOf(provision), provision, [Result("CHK-A-01", Outcome.Pass)], Firmware with { MultipleVersions = true });

        Assert.Equal(Verdict.Inconclusive, assessment.Verdict);
        Assert.Contains("no result for CHK-M-01", Assert.Single(assessment.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Results_link_through_an_explicit_provision_mapping_too()
    {
        var result = Result("CHK-B-01", Outcome.Fail);
        result = result with { Rule = result.Rule with { Provisions = [new("s", "P-1")] } };
        var provision = Provision(["CHK-A-01"]);

        var assessment = ProvisionJudge.Judge(SchemeOf(provision), provision, [result], Firmware);

        Assert.Equal(Verdict.Fail, assessment.Verdict);
        Assert.Same(result, Assert.Single(assessment.Results));
    }

    [Fact]
    public void An_explicit_mapping_to_another_scheme_does_not_link()
    {
        var result = Result("CHK-B-01", Outcome.Fail);
        result = result with { Rule = result.Rule with { Provisions = [new("other", "P-1")] } };
        var provision = Provision(["CHK-A-01"]);

        var assessment = ProvisionJudge.Judge(SchemeOf(provision), provision, [result], Firmware);

        Assert.Equal(Verdict.NotAssessed, assessment.Verdict);
        Assert.Empty(assessment.Results);
    }

    [Fact]
    public void Unrelated_results_are_not_linked()
    {
        var provision = Provision(["CHK-A-01"]);

        var assessment = ProvisionJudge.Judge(SchemeOf(provision), provision, [Result("CHK-B-01", Outcome.Fail)], Firmware);

        Assert.Equal(Verdict.NotAssessed, assessment.Verdict);
        Assert.Empty(assessment.Results);
    }

    [Fact]
    public void The_answer_is_looked_up_under_the_scheme_judged()
    {
        var provision = Provision([]);
        var context = Firmware with { Declaration = Declared(answers: [Met("s", "P-1", "manual")]) };

        var inS = ProvisionJudge.Judge(SchemeOf(provision), provision, [], context);
        var inOther = ProvisionJudge.Judge(Scheme("other", [provision]), provision, [], context);

        Assert.Equal(Verdict.Pass, inS.Verdict);
        Assert.Equal(Verdict.NotAssessed, inOther.Verdict);
        Assert.Null(inOther.Answer);
    }

    [Fact]
    public void A_check_whose_rules_applied_to_nothing_here_is_left_out_and_named_not_counted_as_missing()
    {
        var results = new[] { Result("CHK-A-01", Outcome.Pass), Result("CHK-B-01", Outcome.NotApplicable, "CMP9002") };

        var assessment = ProvisionJudge.Judge(Scheme("s", [Provision(["CHK-A-01", "CHK-B-01"])]), Provision(["CHK-A-01", "CHK-B-01"]), results, Firmware);

        Assert.Equal(Verdict.Pass, assessment.Verdict);
        Assert.Contains("CHK-B-01 did not apply to the targets audited", Assert.Single(assessment.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_that_applied_to_nothing_does_not_make_a_provision_pass_on_its_own()
    {
        var results = new[] { Result("CHK-A-01", Outcome.NotApplicable) };

        var assessment = ProvisionJudge.Judge(Scheme("s", [Provision(["CHK-A-01"])]), Provision(["CHK-A-01"]), results, Firmware);

        Assert.Equal(Verdict.NotAssessed, assessment.Verdict);
        Assert.Contains(assessment.Reasons, r => r.Contains("was not applicable", StringComparison.Ordinal));
    }
}

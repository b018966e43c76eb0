using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;
using static ComplianceAuditor.Scoring.Tests.ScoringFixtures;
using static ComplianceAuditor.Scoring.Verdict;

namespace ComplianceAuditor.Scoring.Tests;

/// <summary>Provisions that rest on the verdicts of other schemes' provisions.</summary>
public sealed class DerivedSchemeTests
{
    private static readonly SchemeCondition[] BaseConditions = [new("C1", "the device uses passwords", "passwords", "true")];

    /// <summary>
    /// DerivedEvidence.Combine is internal (Scoring has no InternalsVisibleTo), so it is tested through a provision that
    /// rests only on derived provisions: nothing of its own, no declaration, so the combined verdict is its verdict.
    /// </summary>
    public static TheoryData<string, Verdict[], Verdict> CombineCases() => new()
    {
        // name, verdicts of the derived provisions, combined verdict
        { "one pass → PASS", [Pass], Pass },
        { "pass and not applicable → PASS", [Pass, NotApplicable], Pass },
        { "one not applicable → NOT APPLICABLE", [NotApplicable], NotApplicable },
        { "all not applicable → NOT APPLICABLE", [NotApplicable, NotApplicable, NotApplicable], NotApplicable },
        { "a fail beside passes → FAIL", [Pass, Fail, Pass], Fail },
        { "a fail beats inconclusive → FAIL", [Inconclusive, Fail], Fail },
        { "a fail beats not applicable → FAIL", [NotApplicable, Fail], Fail },
        { "a fail beats not assessed → FAIL", [NotAssessed, Fail], Fail },
        { "inconclusive beside a pass → INCONCLUSIVE", [Pass, Inconclusive], Inconclusive },
        { "inconclusive beats not assessed → INCONCLUSIVE", [NotAssessed, Inconclusive], Inconclusive },
        { "inconclusive beside not applicable → INCONCLUSIVE", [NotApplicable, Inconclusive], Inconclusive },
        { "not assessed beside a pass → NOT ASSESSED", [Pass, NotAssessed], NotAssessed },
        { "not assessed beside not applicable → NOT ASSESSED", [NotApplicable, NotAssessed], NotAssessed },
        { "no derived provision → NOT ASSESSED", [], NotAssessed },
    };

    [Theory]
    [MemberData(nameof(CombineCases))]
    public void Derived_verdicts_combine(string name, Verdict[] verdicts, Verdict combined)
    {
        var derived = verdicts.Select((v, i) => new DerivedVerdict(Ref("x", $"D-{i}"), v)).ToArray();
        var provision = Derived("P-1", [.. derived.Select(d => d.Provision)]);

        var assessment = ProvisionJudge.Judge(SchemeOf(provision), provision, [], Firmware, derived);

        Assert.True(combined == assessment.Verdict, $"{name}: expected {combined}, got {assessment.Verdict} ({string.Join("; ", assessment.Reasons)})");
        Assert.Equal(combined == NotAssessed ? [] : [VerdictBasis.Derived], assessment.Basis);
        Assert.Equal(derived, assessment.Derived);
    }

    [Fact]
    public void A_scheme_gets_the_verdicts_of_another_schemes_provisions_without_that_scheme_being_evaluated()
    {
        var (baseScheme, label) = BaseAndLabel();
        var results = new[] { Result("CHK-A-01", Outcome.Pass), Result("CHK-B-01", Outcome.Fail, "CMP9002") };

        var assessment = new SchemeEvaluator([baseScheme, label], results, Firmware).Evaluate(label);

        Assert.Equal([Pass, Fail], assessment.Provisions.Select(p => p.Verdict));
        Assert.Equal([(Ref("base", "B-1"), Pass)], assessment.Provisions[0].Derived.Select(d => (d.Provision, d.Verdict)));
        Assert.Equal([(Ref("base", "B-1"), Pass), (Ref("base", "B-2"), Fail)], assessment.Provisions[1].Derived.Select(d => (d.Provision, d.Verdict)));
        Assert.Equal([VerdictBasis.Derived], assessment.Provisions[0].Basis);
        Assert.Contains("derives from base:B-2, which fails", Assert.Single(assessment.Provisions[1].Reasons), StringComparison.Ordinal);
        Assert.Empty(assessment.Provisions[0].Results);
        Assert.Equal("FAIL", assessment.Rating.Label);
    }

    [Fact]
    public void Each_provision_is_judged_once_and_the_same_assessment_is_returned_every_time()
    {
        var (baseScheme, label) = BaseAndLabel();
        var results = new[] { Result("CHK-A-01", Outcome.Pass), Result("CHK-B-01", Outcome.Inconclusive, "CMP9002") };
        var evaluator = new SchemeEvaluator([baseScheme, label], results, Firmware);

        var labelFirst = evaluator.Evaluate(label);
        var baseAfter = evaluator.Evaluate(baseScheme);
        var baseAgain = evaluator.Evaluate(baseScheme);
        var labelAgain = evaluator.Evaluate(label);

        Assert.All(baseAfter.Provisions.Zip(baseAgain.Provisions), p => Assert.Same(p.First, p.Second));
        Assert.All(labelFirst.Provisions.Zip(labelAgain.Provisions), p => Assert.Same(p.First, p.Second));
        Assert.Equal(baseAfter.Provisions.Select(p => p.Verdict), labelFirst.Provisions[1].Derived.Select(d => d.Verdict));
        Assert.Equal(Inconclusive, labelFirst.Provisions[1].Verdict);
    }

    [Fact]
    public void Not_applicable_travels_through_a_derivation_from_a_declared_condition()
    {
        var (baseScheme, label) = BaseAndLabel();
        var context = Firmware with { Declaration = Declared([Fact("passwords", "false")]) };

        var assessment = new SchemeEvaluator([baseScheme, label], [Result("CHK-A-01", Outcome.Fail)], context).Evaluate(label);

        Assert.Equal(NotApplicable, assessment.Provisions[0].Verdict);
        // It rests on the declared condition of the provision it derives from, and says so.
        Assert.Equal([VerdictBasis.Derived, VerdictBasis.Condition], assessment.Provisions[0].Basis);
        Assert.Contains("every provision it derives from is not applicable: base:B-1", Assert.Single(assessment.Provisions[0].Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Derivations_chain_across_three_schemes()
    {
        var (baseScheme, label) = BaseAndLabel();
        var top = Scheme("top", [Derived("T-1", Ref("label", "L-1"))]);

        var assessment = new SchemeEvaluator([top, label, baseScheme], [Result("CHK-A-01", Outcome.Pass)], Firmware).Evaluate(top);

        var t1 = Assert.Single(assessment.Provisions);
        Assert.Equal(Pass, t1.Verdict);
        Assert.Equal([(Ref("label", "L-1"), Pass)], t1.Derived.Select(d => (d.Provision, d.Verdict)));
    }

    public static TheoryData<string> Circles() => new() { "itself", "within a scheme", "across schemes" };

    [Theory]
    [MemberData(nameof(Circles))]
    public void A_derivation_circle_built_in_code_throws_instead_of_overflowing_the_stack(string circle)
    {
        SchemeDefinition[] schemes = circle switch
        {
            "itself" => [Scheme("s", [Derived("P-1", Ref("s", "P-1"))])],
            "within a scheme" => [Scheme("s", [Derived("P-1", Ref("s", "P-2")), Derived("P-2", Ref("s", "P-3")), Derived("P-3", Ref("s", "P-1"))])],
            _ => [Scheme("s", [Derived("P-1", Ref("t", "Q-1"))]), Scheme("t", [Derived("Q-1", Ref("s", "P-1"))])],
        };

        var error = Assert.Throws<InvalidOperationException>(() => new SchemeEvaluator(schemes, [], Firmware).Evaluate(schemes[0]));

        Assert.Contains("derives from itself", error.Message, StringComparison.Ordinal);
        Assert.Contains("s:P-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derivation_to_a_scheme_that_is_not_loaded_throws_a_clear_error()
    {
        var (_, label) = BaseAndLabel();

        var error = Assert.Throws<InvalidOperationException>(() => SchemeEvaluator.Evaluate(label, [Result("CHK-A-01", Outcome.Pass)], Firmware));

        Assert.Equal("provision label:L-1 derives from base:B-1, which is not loaded", error.Message);
    }

    [Fact]
    public void A_derivation_to_a_provision_its_scheme_does_not_define_throws_a_clear_error()
    {
        var (baseScheme, _) = BaseAndLabel();
        var label = Scheme("label", [Derived("L-1", Ref("base", "B-9"))]);

        var error = Assert.Throws<InvalidOperationException>(() => new SchemeEvaluator([baseScheme, label], [], Firmware).Evaluate(label));

        Assert.Contains("base:B-9, which is not loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_scheme_may_derive_from_its_own_provisions()
    {
        var scheme = Scheme("s", [Provision(["CHK-A-01"], id: "P-1"), Derived("P-2", Ref("s", "P-1"))]);

        var assessment = SchemeEvaluator.Evaluate(scheme, [Result("CHK-A-01", Outcome.Fail)], Firmware);

        Assert.Equal([Fail, Fail], assessment.Provisions.Select(p => p.Verdict));
        Assert.Equal([VerdictBasis.Derived], assessment.Provisions[1].Basis);
    }

    /// <summary>
    /// "base": B-1 (CHK-A-01, condition C1 on the passwords fact), B-2 (CHK-B-01). "label": L-1 from base:B-1, L-2 from
    /// base:B-1 and base:B-2.
    /// </summary>
    private static (SchemeDefinition Base, SchemeDefinition Label) BaseAndLabel() =>
    (
        Scheme("base", [Provision(["CHK-A-01"], id: "B-1", conditions: ["C1"]), Provision(["CHK-B-01"], id: "B-2")], conditions: BaseConditions),
        Scheme("label", [Derived("L-1", Ref("base", "B-1")), Derived("L-2", Ref("base", "B-1"), Ref("base", "B-2"))])
    );
}

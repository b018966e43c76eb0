using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;
using static ComplianceAuditor.Scoring.Tests.ScoringFixtures;

namespace ComplianceAuditor.Scoring.Tests;

/// <summary>The verdict model, rule by rule: one named row per rule of <see cref="ProvisionJudge"/>'s doc comment.</summary>
public sealed class VerdictRuleTests
{
    private static readonly SchemeCondition[] Conditions =
    [
        new("C1", "the device uses passwords", "passwords", "true"),
        new("C2", "the device is constrained", "device-class", "constrained"),
        new("C3", "the device has Bluetooth", "interfaces", "bluetooth"),
    ];

    /// <summary>
    /// One row per rule of the verdict model in <see cref="ProvisionJudge"/>'s doc comment, in its order. Each row is
    /// judged in scheme "s" (conditions C1-C3 above); derived provisions are x:A, x:B.
    /// </summary>
    private static readonly Case[] Table =
    [
        // 1. NOT APPLICABLE from a declared condition.
        new("condition declared not holding → NOT APPLICABLE", Verdict.NotApplicable, VerdictBasis.Condition)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C1"]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Declaration = Declared([Fact("passwords", "false")]),
            Reasons = ["condition (C1) does not hold: \"the device uses passwords\" — declared passwords = false"],
            Also = a => Assert.Equal("passwords", Assert.Single(a.Facts).Fact),
        },
        new("condition declared not holding, linked checks failed → NOT APPLICABLE naming the failures, no conflict", Verdict.NotApplicable, VerdictBasis.Condition)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C1"]),
            Results = [Result("CHK-A-01", Outcome.Fail)],
            Declaration = Declared([Fact("passwords", "false")], [Met("s", "P-1", "manual p. 4")]),
            Reasons = ["condition (C1) does not hold", "its linked failures are not counted here", "CMP9001 failed on fs/etc/x: m"],
        },
        new("one of two conditions declared not holding → NOT APPLICABLE", Verdict.NotApplicable, VerdictBasis.Condition)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C1", "C2"]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Declaration = Declared([Fact("passwords", "true"), Fact("device-class", "full")]),
            Reasons = ["condition (C2) does not hold"],
            NotInReasons = ["(C1)"],
            Also = a => Assert.Equal(["passwords", "device-class"], a.Facts.Select(f => f.Fact)),
        },
        new("condition undeclared → applicable, judged on its evidence", Verdict.Pass, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C1"]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Declaration = Declared([Fact("device-class", "full")]),
            Reasons = ["all evidence passed for CHK-A-01"],
            Also = a => Assert.Empty(a.Facts),
        },
        new("condition undeclared, no declaration at all → applicable, a failure fails", Verdict.Fail, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C1"]),
            Results = [Result("CHK-A-01", Outcome.Fail)],
        },
        new("condition declared holding → applicable, the fact is recorded", Verdict.Fail, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C1"]),
            Results = [Result("CHK-A-01", Outcome.Fail)],
            Declaration = Declared([Fact("passwords", "true")]),
            Also = a => Assert.Equal(["passwords = true"], a.Facts.Select(f => $"{f.Fact} = {f.Value}")),
        },
        new("condition equals one choice of a choice fact, another declared → NOT APPLICABLE", Verdict.NotApplicable, VerdictBasis.Condition)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C2"]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Declaration = Declared([Fact("device-class", "full")]),
            Reasons = ["condition (C2) does not hold: \"the device is constrained\" — declared device-class = full"],
        },
        new("condition equals one choice of a choice fact, that choice declared → applicable", Verdict.Pass, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C2"]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Declaration = Declared([Fact("device-class", "constrained")]),
        },
        new("condition on a list fact holds when one item equals it → applicable", Verdict.Pass, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C3"]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Declaration = Declared([ListFact("interfaces", "wifi", "bluetooth")]),
        },
        new("condition on a list fact without that item → NOT APPLICABLE", Verdict.NotApplicable, VerdictBasis.Condition)
        {
            Subject = Provision(["CHK-A-01"], conditions: ["C3"]),
            Declaration = Declared([ListFact("interfaces", "wifi", "ethernet")]),
            Reasons = ["declared interfaces = wifi, ethernet"],
        },

        // 2. FAIL from a linked failure; declared met makes it a conflict.
        new("linked check failed → FAIL", Verdict.Fail, VerdictBasis.Evidence)
        {
            Results = [Result("CHK-A-01", Outcome.Pass, artifact: "fs/a"), Result("CHK-A-01", Outcome.Fail, artifact: "fs/b")],
            Reasons = ["CMP9001 failed on fs/b: m"],
            NotInReasons = ["fs/a"],
        },
        new("linked check failed beats inconclusive → FAIL", Verdict.Fail, VerdictBasis.Evidence)
        {
            Results = [Result("CHK-A-01", Outcome.Inconclusive, artifact: "fs/a"), Result("CHK-A-01", Outcome.Fail, artifact: "fs/b")],
            Reasons = ["CMP9001 failed on fs/b"],
        },
        new("linked check failed although declared met → FAIL with a conflict", Verdict.Fail, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], [AssessmentMethod.Automated, AssessmentMethod.Declaration]),
            Results = [Result("CHK-A-01", Outcome.Fail)],
            Declaration = Declared(answers: [Met("s", "P-1", "test report TR-7")]),
            Reasons = ["CMP9001 failed on fs/etc/x"],
            Conflicts = ["declared met (test report TR-7), but its checks failed"],
            Also = a => Assert.True(a.Answer is { Met: true }),
        },

        // 3. FAIL from the declaration or a derived failure.
        new("declared not met → FAIL with the justification (even over passing evidence)", Verdict.Fail, VerdictBasis.Declaration)
        {
            Subject = Provision(["CHK-A-01"], [AssessmentMethod.Automated, AssessmentMethod.Declaration]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Declaration = Declared(answers: [NotMet("s", "P-1", "no update mechanism planned")]),
            Reasons = ["declared not met: no update mechanism planned"],
        },
        new("declared not met of another provision does not count here", Verdict.NotAssessed)
        {
            Subject = Provision([]),
            Declaration = Declared(answers: [NotMet("s", "P-2", "other"), NotMet("other-scheme", "P-1", "other")]),
            Reasons = ["none was given"],
        },
        new("derived provision fails → FAIL naming only the failing one", Verdict.Fail, VerdictBasis.Derived)
        {
            Subject = Derived("P-1", Ref("x", "A"), Ref("x", "B")),
            Derived = [new(Ref("x", "A"), Verdict.Pass), new(Ref("x", "B"), Verdict.Fail)],
            Reasons = ["derives from x:B, which fails"],
            NotInReasons = ["x:A"],
        },
        new("declared met beats a failing derived provision (derivation is one route to compliance) → PASS", Verdict.Pass, VerdictBasis.Declaration)
        {
            Subject = Provision([], [AssessmentMethod.Automated, AssessmentMethod.Declaration], derivedFrom: [Ref("x", "A")]),
            Declaration = Declared(answers: [Met("s", "P-1", "ISO/IEC 29147 process, https://example.com/psirt")]),
            Derived = [new(Ref("x", "A"), Verdict.Fail)],
            Reasons = ["declared met: ISO/IEC 29147 process"],
        },
        new("own passing evidence beats a failing derived provision → PASS", Verdict.Pass, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], derivedFrom: [Ref("x", "A")]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Derived = [new(Ref("x", "A"), Verdict.Fail)],
        },

        // 4. PASS on the declaration.
        new("declared met → PASS on the declaration", Verdict.Pass, VerdictBasis.Declaration)
        {
            Subject = Provision([]),
            Declaration = Declared(answers: [Met("s", "P-1", "policy at https://example.com/psirt")]),
            Reasons = ["declared met: policy at https://example.com/psirt"],
        },
        new("declared met with passing evidence → PASS on both", Verdict.Pass, VerdictBasis.Declaration, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], [AssessmentMethod.Automated, AssessmentMethod.Declaration]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Declaration = Declared(answers: [Met("s", "P-1", "manual")]),
            Reasons = ["declared met: manual"],
        },
        new("declared met with undecided evidence → PASS, the audit could not confirm it", Verdict.Pass, VerdictBasis.Declaration)
        {
            Subject = Provision(["CHK-A-01"], [AssessmentMethod.Automated, AssessmentMethod.Declaration]),
            Results = [Result("CHK-A-01", Outcome.Inconclusive)],
            Declaration = Declared(answers: [Met("s", "P-1", "manual")]),
            Reasons = ["declared met: manual", "the audit could not confirm it", "CMP9001 could not decide on fs/etc/x: because"],
            Conflicts = [],
        },
        new("declared met with a derived inconclusive → PASS on the declaration", Verdict.Pass, VerdictBasis.Declaration)
        {
            Subject = Provision([], [AssessmentMethod.Automated, AssessmentMethod.Declaration], derivedFrom: [Ref("x", "A")]),
            Declaration = Declared(answers: [Met("s", "P-1", "manual")]),
            Derived = [new(Ref("x", "A"), Verdict.Inconclusive)],
        },

        // 5. INCONCLUSIVE when own or derived evidence could not decide.
        new("linked check inconclusive → INCONCLUSIVE", Verdict.Inconclusive, VerdictBasis.Evidence)
        {
            Results = [Result("CHK-A-01", Outcome.Pass, artifact: "fs/a"), Result("CHK-A-01", Outcome.Inconclusive, artifact: "fs/b")],
            Reasons = ["CMP9001 could not decide on fs/b: because"],
        },
        new("linked check errored → INCONCLUSIVE (an error is not a pass)", Verdict.Inconclusive, VerdictBasis.Evidence)
        {
            Results = [Result("CHK-A-01", Outcome.Pass, artifact: "fs/a"), Result("CHK-A-01", Outcome.Error, artifact: "fs/b")],
            Reasons = ["CMP9001 could not decide on fs/b"],
        },
        new("a derived pass settles what the provision's own checks could not decide → PASS", Verdict.Pass, VerdictBasis.Derived)
        {
            Subject = Provision(["CHK-A-01"], derivedFrom: [Ref("x", "A")]),
            Results = [Result("CHK-A-01", Outcome.Inconclusive)],
            Derived = [new(Ref("x", "A"), Verdict.Pass)],
        },
        new("derived inconclusive → INCONCLUSIVE naming it", Verdict.Inconclusive, VerdictBasis.Derived)
        {
            Subject = Derived("P-1", Ref("x", "A"), Ref("x", "B")),
            Derived = [new(Ref("x", "A"), Verdict.Pass), new(Ref("x", "B"), Verdict.Inconclusive)],
            Reasons = ["derives from x:B, which the tool could not decide"],
            NotInReasons = ["x:A"],
        },
        new("own passing evidence is enough although a derived provision is inconclusive → PASS", Verdict.Pass, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], derivedFrom: [Ref("x", "A")]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Derived = [new(Ref("x", "A"), Verdict.Inconclusive)],
        },

        // 6. PASS on own or derived evidence.
        new("every expected check passed → PASS", Verdict.Pass, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01", "CHK-B-01"]),
            Results = [Result("CHK-A-01", Outcome.Pass), Result("CHK-B-01", Outcome.Pass, "CMP9002"), Result("CHK-B-01", Outcome.Pass, "CMP9002", "fs/y")],
            Reasons = ["all evidence passed for CHK-A-01, CHK-B-01 (3 passing result(s))"],
        },
        new("multi-version check is not expected from one image → PASS on the rest", Verdict.Pass, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01", "CHK-M-01"]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Reasons = ["all evidence passed for CHK-A-01 ("],
        },
        new("passing evidence of a provision a declaration would confirm → PASS saying so", Verdict.Pass, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01"], [AssessmentMethod.Automated, AssessmentMethod.Declaration]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Reasons = ["the manufacturer's declaration would confirm what the tool cannot see"],
        },
        new("every derived provision passed or is not applicable → PASS on derived", Verdict.Pass, VerdictBasis.Derived)
        {
            Subject = Derived("P-1", Ref("x", "A"), Ref("x", "B")),
            Derived = [new(Ref("x", "A"), Verdict.Pass), new(Ref("x", "B"), Verdict.NotApplicable)],
            Reasons = ["derives from x:A (pass), x:B (not applicable)"],
        },
        new("own checks and derived provisions all pass → PASS on both", Verdict.Pass, VerdictBasis.Evidence, VerdictBasis.Derived)
        {
            Subject = Provision(["CHK-A-01"], derivedFrom: [Ref("x", "A")]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Derived = [new(Ref("x", "A"), Verdict.Pass)],
        },

        // 7. NOT APPLICABLE through the derived provisions.
        new("every derived provision not applicable → NOT APPLICABLE", Verdict.NotApplicable, VerdictBasis.Derived)
        {
            Subject = Derived("P-1", Ref("x", "A"), Ref("x", "B")),
            Derived = [new(Ref("x", "A"), Verdict.NotApplicable), new(Ref("x", "B"), Verdict.NotApplicable)],
            Reasons = ["every provision it derives from is not applicable: x:A, x:B"],
        },

        // 8. INCONCLUSIVE on partial evidence.
        new("only some expected checks gave evidence → INCONCLUSIVE", Verdict.Inconclusive, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01", "CHK-B-01"]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Reasons = ["partial evidence: passed for CHK-A-01; no result for CHK-B-01"],
        },
        new("partial evidence with every derived provision not applicable → INCONCLUSIVE", Verdict.Inconclusive, VerdictBasis.Evidence)
        {
            Subject = Provision(["CHK-A-01", "CHK-B-01"], derivedFrom: [Ref("x", "A")]),
            Results = [Result("CHK-A-01", Outcome.Pass)],
            Derived = [new(Ref("x", "A"), Verdict.NotApplicable)],
            Reasons = ["partial evidence"],
        },

        // 9. NOT ASSESSED otherwise.
        new("declaration-only provision unanswered → NOT ASSESSED naming the declaration", Verdict.NotAssessed)
        {
            Subject = Provision([], [AssessmentMethod.Declaration]),
            Reasons = ["the manufacturer's declaration can settle it (provisions: s: \"P-1\" in the declaration file); none was given"],
        },
        new("lab-only provision → NOT ASSESSED, the tool never awards it", Verdict.NotAssessed)
        {
            Subject = Provision([], [AssessmentMethod.Lab]),
            Reasons = ["only a laboratory test can settle it; the tool never awards it"],
        },
        new("declaration or lab provision unanswered → NOT ASSESSED naming both", Verdict.NotAssessed)
        {
            Subject = Provision([], [AssessmentMethod.Declaration, AssessmentMethod.Lab]),
            Reasons = ["none was given", "a laboratory test can settle it"],
            NotInReasons = ["never awards"],
        },
        new("repository check in a firmware audit → NOT ASSESSED", Verdict.NotAssessed)
        {
            Subject = Provision(["CHK-R-01"]),
            Reasons = ["none of its checks (CHK-R-01) can give evidence from the targets audited"],
        },
        new("no result for an expected check → NOT ASSESSED", Verdict.NotAssessed)
        {
            Reasons = ["no rule in the rule set gives evidence for CHK-A-01 yet"],
        },
        new("only not-applicable results → NOT ASSESSED, never NOT APPLICABLE", Verdict.NotAssessed)
        {
            Results = [Result("CHK-A-01", Outcome.NotApplicable)],
            Reasons = ["CMP9001 was not applicable: because"],
        },
        new("derived provision not assessed → NOT ASSESSED naming it", Verdict.NotAssessed)
        {
            Subject = Derived("P-1", Ref("x", "A"), Ref("x", "B")),
            Derived = [new(Ref("x", "A"), Verdict.Pass), new(Ref("x", "B"), Verdict.NotAssessed)],
            Reasons = ["derives from x:B, not assessed either"],
            NotInReasons = ["x:A"],
        },
    ];

    public static TheoryData<string> Rules() => new(Table.Select(c => c.Rule));

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_of_the_verdict_model(string rule)
    {
        var row = Table.Single(c => c.Rule == rule);

        var assessment = ProvisionJudge.Judge(
            SchemeOf(row.Subject, Conditions),
            row.Subject,
            row.Results,
            Firmware with { Declaration = row.Declaration },
            row.Derived);

        var reasons = string.Join(" | ", assessment.Reasons);
        Assert.True(row.Verdict == assessment.Verdict, $"{rule}: expected {row.Verdict}, got {assessment.Verdict} ({reasons})");
        Assert.Equal(row.Basis, assessment.Basis);
        Assert.NotEmpty(assessment.Reasons);
        foreach (var expected in row.Reasons)
        {
            Assert.True(assessment.Reasons.Any(r => r.Contains(expected, StringComparison.Ordinal)), $"{rule}: no reason contains \"{expected}\" in: {reasons}");
        }

        foreach (var unexpected in row.NotInReasons)
        {
            Assert.DoesNotContain(assessment.Reasons, r => r.Contains(unexpected, StringComparison.Ordinal));
        }

        Assert.Equal(row.Conflicts.Length, assessment.Conflicts.Count);
        Assert.All(row.Conflicts.Zip(assessment.Conflicts), c => Assert.Contains(c.First, c.Second, StringComparison.Ordinal));
        Assert.Equal(row.Derived, assessment.Derived);
        Assert.Equal(row.Results.Length, assessment.Results.Count);
        row.Also?.Invoke(assessment);
    }

    [Fact]
    public void The_table_has_a_row_for_every_verdict_and_every_basis()
    {
        Assert.Equal(Enum.GetValues<Verdict>().Order(), Table.Select(c => c.Verdict).Distinct().Order());
        Assert.Equal(Enum.GetValues<VerdictBasis>().Order(), Table.SelectMany(c => c.Basis).Distinct().Order());
    }

    private sealed record Case(string Rule, Verdict Verdict, params VerdictBasis[] Basis)
    {
        public ProvisionDefinition Subject { get; init; } = Provision(["CHK-A-01"]);

        public CheckResult[] Results { get; init; } = [];

        public Declaration Declaration { get; init; } = Declaration.None;

        public DerivedVerdict[] Derived { get; init; } = [];

        /// <summary>Texts each expected in some reason.</summary>
        public string[] Reasons { get; init; } = [];

        /// <summary>Texts no reason may contain.</summary>
        public string[] NotInReasons { get; init; } = [];

        /// <summary>Texts of the expected conflicts, one each, in order; empty when there must be none.</summary>
        public string[] Conflicts { get; init; } = [];

        public Action<ProvisionAssessment>? Also { get; init; }
    }

}

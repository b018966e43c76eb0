using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// The verdict model for one provision, first rule that applies wins:
/// <list type="number">
/// <item>NOT APPLICABLE when a declared fact makes one of its conditions not hold (the manufacturer decides that,
/// as EN 303 645 Annex B has it; linked failures are named in the reasons and count for the other provisions).</item>
/// <item>FAIL when a linked check failed (a failure accepted by a waiver in force does not count). Evidence beats an
/// answer: if the provision was declared met, the contradiction is a conflict.</item>
/// <item>FAIL when the manufacturer declared it not met; PASS when they declared it met (with the evidence they name).</item>
/// <item>PASS when every check it can expect from this audit passed.</item>
/// <item>PASS when every provision it derives from passed (or does not apply); FAIL when one of those fails. Derived
/// provisions are a route to compliance, so they decide only where the provision's own evidence and answer did not.</item>
/// <item>INCONCLUSIVE when a linked check, or a provision it derives from, could not decide.</item>
/// <item>NOT APPLICABLE when none of the provisions it derives from applies and its own checks gave no evidence.</item>
/// <item>INCONCLUSIVE when only some of its checks gave evidence (partial evidence is not a pass).</item>
/// <item>NOT ASSESSED otherwise: only a declaration or a laboratory could settle it and none was given, or nothing in
/// this audit gives evidence for it.</item>
/// </list>
/// NOT APPLICABLE comes only from a declared condition (directly or through the provisions it derives from), never
/// from missing evidence.
/// </summary>
public static class ProvisionJudge
{
    /// <summary>Judges one provision from all the audit's results (the scheme evaluator indexes them once instead).</summary>
    public static ProvisionAssessment Judge(
        SchemeDefinition scheme,
        ProvisionDefinition provision,
        IReadOnlyList<CheckResult> results,
        ScoringContext context,
        IReadOnlyList<DerivedVerdict>? derived = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(provision);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(context);
        return JudgeLinked(scheme, provision, new ResultIndex(results, context.Waivers).Linked(scheme.Id, provision), derived ?? [], context);
    }

    internal static ProvisionAssessment JudgeLinked(
        SchemeDefinition scheme,
        ProvisionDefinition provision,
        LinkedResults linked,
        IReadOnlyList<DerivedVerdict> derived,
        ScoringContext context)
    {
        var applicability = Applicability.Decide(scheme, provision, context.Declaration);
        var own = OwnEvidence.Assess(provision, linked, context);
        var answer = context.Declaration.Answer(new ProvisionRef(scheme.Id, provision.Id));
        var fromDerived = DerivedEvidence.Combine(derived);
        var waived = OwnEvidence.WaivedReasons(linked, context);

        ProvisionAssessment Verdict(Verdict verdict, IEnumerable<string> reasons, VerdictBasis[] basis, string[]? conflicts = null) =>
            new(provision, verdict, [.. reasons, .. waived], linked)
            {
                // A verdict carried over from derived provisions rests on whatever they rested on, declarations included.
                Basis = basis.Contains(VerdictBasis.Derived)
                    ? [.. basis.Concat(derived.SelectMany(d => d.Basis).Where(b => b is VerdictBasis.Declaration or VerdictBasis.Condition)).Distinct()]
                    : basis,
                Conflicts = conflicts ?? [],
                Derived = derived,
                Answer = answer,
                Facts = applicability.Facts,
                Waived = linked.Runs.Sum(r => r.Waived),
            };

        // The manufacturer decides whether a condition holds (EN 303 645 Annex B); a failure of a check the provision
        // shares with others is no proof that it does. Evidence that does contradict a declared fact is reported from
        // the facts catalog (FactConflicts), and the failures still count for every other provision they support.
        if (applicability.NotApplicable)
        {
            var reasons = own.Kind == OwnEvidence.Kind.Fail
                ? applicability.NotHolding.Append("its linked failures are not counted here (they count for the other provisions they support):").Concat(own.Reasons)
                : applicability.NotHolding;
            return Verdict(Scoring.Verdict.NotApplicable, reasons, [VerdictBasis.Condition]);
        }

        if (own.Kind == OwnEvidence.Kind.Fail)
        {
            string[] conflicts = answer is { Met: true } ? [$"declared met ({answer.Evidence}), but its checks failed"] : [];
            return Verdict(Scoring.Verdict.Fail, own.Reasons, [VerdictBasis.Evidence], conflicts);
        }

        if (answer is { Met: false })
        {
            return Verdict(Scoring.Verdict.Fail, [$"declared not met: {answer.Justification}"], [VerdictBasis.Declaration]);
        }

        if (answer is { Met: true })
        {
            IEnumerable<string> reasons = [$"declared met: {answer.Evidence}"];
            if (own.Kind == OwnEvidence.Kind.Undecided)
            {
                reasons = reasons.Append("the audit could not confirm it:").Concat(own.Reasons);
            }

            return Verdict(Scoring.Verdict.Pass, reasons, own.Kind == OwnEvidence.Kind.Pass ? [VerdictBasis.Declaration, VerdictBasis.Evidence] : [VerdictBasis.Declaration]);
        }

        if (own.Kind == OwnEvidence.Kind.Pass)
        {
            var reasons = provision.Assessment.Contains(AssessmentMethod.Declaration)
                ? own.Reasons.Append("the manufacturer's declaration would confirm what the tool cannot see")
                : own.Reasons;
            return Verdict(Scoring.Verdict.Pass, reasons, fromDerived == Scoring.Verdict.Pass ? [VerdictBasis.Evidence, VerdictBasis.Derived] : [VerdictBasis.Evidence]);
        }

        // Derived provisions are a route to compliance (EN 303 645 gives deemed compliance with UK PSTI): passing them
        // is enough, and failing them fails this provision only when nothing of its own showed it met.
        if (fromDerived == Scoring.Verdict.Pass)
        {
            return Verdict(Scoring.Verdict.Pass, [$"derives from {string.Join(", ", derived.Select(d => $"{d.Provision} ({Describe(d.Verdict)})"))}"], [VerdictBasis.Derived]);
        }

        if (fromDerived == Scoring.Verdict.Fail)
        {
            return Verdict(Scoring.Verdict.Fail, [DerivedEvidence.Describe(derived, Scoring.Verdict.Fail, "which fails"), .. own.Reasons], [VerdictBasis.Derived]);
        }

        if (own.Kind == OwnEvidence.Kind.Undecided || fromDerived == Scoring.Verdict.Inconclusive)
        {
            var reasons = own.Reasons;
            if (fromDerived == Scoring.Verdict.Inconclusive)
            {
                reasons = [.. reasons, DerivedEvidence.Describe(derived, Scoring.Verdict.Inconclusive, "which the tool could not decide")];
            }

            VerdictBasis[] basis = own.Kind != OwnEvidence.Kind.Undecided ? [VerdictBasis.Derived]
                : fromDerived == Scoring.Verdict.Inconclusive ? [VerdictBasis.Evidence, VerdictBasis.Derived]
                : [VerdictBasis.Evidence];
            return Verdict(Scoring.Verdict.Inconclusive, reasons, basis);
        }

        if (fromDerived == Scoring.Verdict.NotApplicable && own.Kind is not OwnEvidence.Kind.Partial)
        {
            return Verdict(Scoring.Verdict.NotApplicable, [$"every provision it derives from is not applicable: {string.Join(", ", derived.Select(d => d.Provision))}"], [VerdictBasis.Derived]);
        }

        if (own.Kind == OwnEvidence.Kind.Partial)
        {
            return Verdict(Scoring.Verdict.Inconclusive, own.Reasons, [VerdictBasis.Evidence]);
        }

        return Verdict(Scoring.Verdict.NotAssessed, NotAssessedReasons(scheme, provision, own, derived), []);
    }

    /// <summary>A result counts for a provision through a shared catalog id or the rule's explicit provision mapping.</summary>
    public static bool IsLinked(string schemeId, ProvisionDefinition provision, RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(provision);
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Catalog.Any(provision.Checks.Contains)
            || rule.Provisions.Any(p => p.Scheme == schemeId && p.Provision == provision.Id);
    }

    private static IEnumerable<string> NotAssessedReasons(SchemeDefinition scheme, ProvisionDefinition provision, OwnEvidence.State own, IReadOnlyList<DerivedVerdict> derived)
    {
        foreach (var reason in own.Reasons)
        {
            yield return reason;
        }

        if (derived.Any(d => d.Verdict == Scoring.Verdict.NotAssessed))
        {
            yield return DerivedEvidence.Describe(derived, Scoring.Verdict.NotAssessed, "not assessed either");
        }

        if (provision.Assessment.Contains(AssessmentMethod.Declaration))
        {
            yield return $"the manufacturer's declaration can settle it (provisions: {scheme.Id}: \"{provision.Id}\" in the declaration file); none was given";
        }

        if (provision.Assessment.Contains(AssessmentMethod.Lab))
        {
            yield return provision.Assessment.Count == 1
                ? "only a laboratory test can settle it; the tool never awards it"
                : "a laboratory test can settle it";
        }
    }

    private static string Describe(Verdict verdict) => verdict switch
    {
        Scoring.Verdict.Pass => "pass",
        Scoring.Verdict.NotApplicable => "not applicable",
        _ => verdict.ToString(),
    };
}

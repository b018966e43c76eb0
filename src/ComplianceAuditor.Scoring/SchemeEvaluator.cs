using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>Judges every provision of a scheme and rates the scheme.</summary>
public static class SchemeEvaluator
{
    /// <summary>The rating formula, stated in every report that uses it.</summary>
    public const string MandatoryShareFormula =
        "score = mandatory provisions passed / (mandatory provisions - mandatory not applicable), in percent; " +
        "label FAIL if any mandatory provision fails, PASS if every applicable mandatory provision passes (and there is at least one), otherwise INCOMPLETE";

    public static SchemeAssessment Evaluate(SchemeDefinition scheme, IReadOnlyList<CheckResult> results, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var index = new ResultIndex(results);
        var provisions = scheme.Provisions.Select(p => ProvisionJudge.JudgeLinked(p, index.Linked(scheme.Id, p), context)).ToArray();
        var summary = Summarize(provisions);
        return new SchemeAssessment(scheme, provisions, summary, Rate(summary));
    }

    public static SchemeSummary Summarize(IReadOnlyList<ProvisionAssessment> provisions)
    {
        ArgumentNullException.ThrowIfNull(provisions);
        var mandatory = provisions.Where(p => p.Provision.Status == ProvisionStatus.Mandatory).ToArray();
        return new SchemeSummary
        {
            Total = provisions.Count,
            Pass = provisions.Count(p => p.Verdict == Verdict.Pass),
            Fail = provisions.Count(p => p.Verdict == Verdict.Fail),
            NotApplicable = provisions.Count(p => p.Verdict == Verdict.NotApplicable),
            Inconclusive = provisions.Count(p => p.Verdict == Verdict.Inconclusive),
            NotAssessed = provisions.Count(p => p.Verdict == Verdict.NotAssessed),
            Mandatory = mandatory.Length,
            MandatoryPass = mandatory.Count(p => p.Verdict == Verdict.Pass),
            MandatoryFail = mandatory.Count(p => p.Verdict == Verdict.Fail),
            MandatoryNotApplicable = mandatory.Count(p => p.Verdict == Verdict.NotApplicable),
        };
    }

    public static SchemeRating Rate(SchemeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var applicable = summary.Mandatory - summary.MandatoryNotApplicable;
        var score = applicable == 0 ? 0.0 : Math.Round(100.0 * summary.MandatoryPass / applicable, 1);
        // With no applicable mandatory provision there is nothing to pass: that is not a PASS.
        var label = summary.MandatoryFail > 0 ? "FAIL"
            : applicable > 0 && summary.MandatoryPass == applicable ? "PASS"
            : "INCOMPLETE";
        return new SchemeRating(label, score, MandatoryShareFormula);
    }
}

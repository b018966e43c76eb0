using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Scoring;

/// <summary>
/// Judges every provision of the selected schemes and rates each. Provisions derive from provisions of other
/// schemes, so those are judged first (once each, even when their scheme is not selected), from one index of the
/// results shared by all.
/// </summary>
public sealed class SchemeEvaluator
{
    private readonly IReadOnlyList<SchemeDefinition> _all;
    private readonly ResultIndex _index;
    private readonly ScoringContext _context;
    private readonly Dictionary<ProvisionRef, ProvisionAssessment> _judged = [];
    private readonly HashSet<ProvisionRef> _judging = [];

    public SchemeEvaluator(IReadOnlyList<SchemeDefinition> allSchemes, IReadOnlyList<CheckResult> results, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(allSchemes);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(context);
        _all = allSchemes;
        _context = context;
        _index = new ResultIndex(results, context.Waivers);
    }

    /// <summary>Every provision of <paramref name="scheme"/> judged (none dropped), summarised and rated.</summary>
    public SchemeAssessment Evaluate(SchemeDefinition scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var provisions = scheme.Provisions.Select(p => Judge(scheme, p)).ToArray();
        return new SchemeAssessment(scheme, provisions, Summarize(provisions), RatingCalculator.Rate(scheme.Rating, provisions));
    }

    /// <summary>Evaluates one scheme on its own (no other scheme known, so it must not derive from any).</summary>
    public static SchemeAssessment Evaluate(SchemeDefinition scheme, IReadOnlyList<CheckResult> results, ScoringContext context) =>
        new SchemeEvaluator([scheme], results, context).Evaluate(scheme);

    /// <summary>Declared facts the evidence contradicts (none without a declaration).</summary>
    public IReadOnlyList<FactConflict> FactConflicts(IReadOnlyList<Core.Declarations.FactDefinition> facts) =>
        Scoring.FactConflicts.Find(_context.Declaration, facts, _index.Runs);

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
            Conflicts = provisions.Sum(p => p.Conflicts.Count),
            Declared = provisions.Count(p => p.Basis.Contains(VerdictBasis.Declaration) || p.Basis.Contains(VerdictBasis.Condition)),
        };
    }

    private ProvisionAssessment Judge(SchemeDefinition scheme, ProvisionDefinition provision)
    {
        var key = new ProvisionRef(scheme.Id, provision.Id);
        if (_judged.TryGetValue(key, out var done))
        {
            return done;
        }

        // The loader rejects circles; this guard keeps a rule set built in code from recursing forever.
        if (!_judging.Add(key))
        {
            throw new InvalidOperationException($"provision {key} derives from itself");
        }

        var derived = provision.DerivedFrom.Select(r =>
        {
            var source = _all.FirstOrDefault(s => s.Id == r.Scheme)?.FindProvision(r.Provision) is { } p
                ? Judge(_all.First(s => s.Id == r.Scheme), p)
                : throw new InvalidOperationException($"provision {key} derives from {r}, which is not loaded");
            return new DerivedVerdict(r, source.Verdict) { Basis = source.Basis };
        }).ToArray();

        var judged = ProvisionJudge.JudgeLinked(scheme, provision, _index.Linked(scheme.Id, provision), derived, _context);
        _judging.Remove(key);
        _judged[key] = judged;
        return judged;
    }
}

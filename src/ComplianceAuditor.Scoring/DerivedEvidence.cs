namespace ComplianceAuditor.Scoring;

/// <summary>
/// The verdicts of the provisions a provision derives from, combined: any failure fails it; all not applicable makes
/// it not applicable; otherwise any inconclusive, then any not assessed, holds it back; only all passing (or not
/// applicable) passes.
/// </summary>
internal static class DerivedEvidence
{
    public static Verdict? Combine(IReadOnlyList<DerivedVerdict> derived)
    {
        if (derived.Count == 0)
        {
            return null;
        }

        return derived.Any(d => d.Verdict == Verdict.Fail) ? Verdict.Fail
            : derived.All(d => d.Verdict == Verdict.NotApplicable) ? Verdict.NotApplicable
            : derived.Any(d => d.Verdict == Verdict.Inconclusive) ? Verdict.Inconclusive
            : derived.Any(d => d.Verdict == Verdict.NotAssessed) ? Verdict.NotAssessed
            : Verdict.Pass;
    }

    /// <summary>One reason naming the derived provisions with the given verdicts.</summary>
    public static string Describe(IReadOnlyList<DerivedVerdict> derived, Verdict verdict, string what) =>
        $"derives from {string.Join(", ", derived.Where(d => d.Verdict == verdict).Select(d => d.Provision))}, {what}";
}

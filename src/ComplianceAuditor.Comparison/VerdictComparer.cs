namespace ComplianceAuditor.Comparison;

/// <summary>
/// Classifies a provision's verdict pair. Worse to better: <c>fail</c> &lt; <c>inconclusive</c> &lt; <c>notAssessed</c>
/// &lt; <c>pass</c>, so a pass that becomes "not assessed" is a regression (the evidence for it went away).
/// <c>notApplicable</c> comes from the manufacturer's declarations, so a move to or from it is only "changed".
/// </summary>
public static class VerdictComparer
{
    public const string NotApplicable = "notApplicable";

    private static readonly string[] WorstFirst = ["fail", "inconclusive", "notAssessed", "pass"];

    /// <param name="old">The old verdict, or null when the provision is only in the new report.</param>
    /// <param name="new">The new verdict, or null when the provision is only in the old report.</param>
    public static ChangeKind Classify(string? old, string? @new)
    {
        if (old is null || @new is null)
        {
            return old is null ? ChangeKind.Added : ChangeKind.Removed;
        }

        if (string.Equals(old, @new, StringComparison.Ordinal))
        {
            return ChangeKind.Unchanged;
        }

        var (from, to) = (Array.IndexOf(WorstFirst, old), Array.IndexOf(WorstFirst, @new));
        if (from < 0 || to < 0)
        {
            // notApplicable, or a verdict added to the format after this tool: no order to judge by.
            return ChangeKind.Changed;
        }

        return to > from ? ChangeKind.Improved : ChangeKind.Regressed;
    }
}

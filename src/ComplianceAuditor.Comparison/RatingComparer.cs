using ComplianceAuditor.Comparison.Reading;

namespace ComplianceAuditor.Comparison;

/// <summary>
/// Classifies a scheme's rating pair. When both ratings carry a <c>level</c> (levels and stars models), the level
/// decides alone: that is what the label certifies. Otherwise the label decides (FAIL &lt; INCOMPLETE &lt; PASS, as for
/// pass-fail and mandatory-share), and the score breaks a tie between equal labels.
/// </summary>
public static class RatingComparer
{
    private static readonly string[] LabelsWorstFirst = ["FAIL", "INCOMPLETE", "PASS"];

    /// <param name="old">The old rating, or null when the scheme is only in the new report.</param>
    /// <param name="new">The new rating, or null when the scheme is only in the old report.</param>
    public static ChangeKind Classify(ReportRating? old, ReportRating? @new)
    {
        if (old is null || @new is null)
        {
            return old is null ? ChangeKind.Added : ChangeKind.Removed;
        }

        if (old.Level is { } oldLevel && @new.Level is { } newLevel)
        {
            return Direction(newLevel.CompareTo(oldLevel));
        }

        if (!string.Equals(old.Label, @new.Label, StringComparison.Ordinal))
        {
            var (from, to) = (Array.IndexOf(LabelsWorstFirst, old.Label), Array.IndexOf(LabelsWorstFirst, @new.Label));
            // NOT APPLICABLE (no provision applies, a declaration matter) and labels this tool does not know cannot be
            // ranked against another; say that it changed, no more.
            return from < 0 || to < 0 ? ChangeKind.Changed : Direction(to.CompareTo(from));
        }

        return Direction(@new.Score.CompareTo(old.Score));
    }

    private static ChangeKind Direction(int comparison) => comparison switch
    {
        > 0 => ChangeKind.Improved,
        < 0 => ChangeKind.Regressed,
        _ => ChangeKind.Unchanged,
    };
}

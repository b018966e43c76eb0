using ComplianceAuditor.Comparison.Reading;

namespace ComplianceAuditor.Comparison;

/// <summary>
/// Matches the failing results of two reports by fingerprint (stable across moves and line shifts, see the README) and
/// classifies each. Results with any other outcome are not findings and are ignored.
/// </summary>
public static class FindingComparer
{
    public static IReadOnlyList<FindingChange> Compare(IReadOnlyList<ReportResult> old, IReadOnlyList<ReportResult> @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var before = Failures(old);
        var after = Failures(@new);
        var changes = new List<FindingChange>();
        foreach (var fingerprint in before.Keys.Union(after.Keys, StringComparer.Ordinal))
        {
            var oldState = before.TryGetValue(fingerprint, out var o) ? State(o) : FindingState.Absent;
            var newState = after.TryGetValue(fingerprint, out var n) ? State(n) : FindingState.Absent;
            var shown = n ?? o!;
            changes.Add(new FindingChange(fingerprint, shown.RuleId, shown.Severity, shown.Artifact, shown.Message, oldState, newState, Classify(oldState, newState)));
        }

        return changes
            .OrderBy(c => c.RuleId, StringComparer.Ordinal)
            .ThenBy(c => c.Artifact, StringComparer.Ordinal)
            .ThenBy(c => c.Fingerprint, StringComparer.Ordinal)
            .ToList();
    }

    public static FindingKind Classify(FindingState old, FindingState @new) => @new switch
    {
        FindingState.Waived => FindingKind.Waived,
        FindingState.Failing => old == FindingState.Failing ? FindingKind.Persisting : FindingKind.New,
        FindingState.Absent when old != FindingState.Absent => FindingKind.Fixed,
        _ => throw new ArgumentException("a finding absent from both reports is not a finding", nameof(@new)),
    };

    private static FindingState State(ReportResult result) => result.IsWaived ? FindingState.Waived : FindingState.Failing;

    /// <summary>
    /// The failing result per fingerprint. Fingerprints are unique in reports this tool writes; should one repeat,
    /// an unwaived failure outweighs a waived one, so a duplicate can never hide a failure from the gate.
    /// </summary>
    private static Dictionary<string, ReportResult> Failures(IReadOnlyList<ReportResult> results)
    {
        var failures = new Dictionary<string, ReportResult>(StringComparer.Ordinal);
        foreach (var result in results.Where(r => r.IsFailure))
        {
            if (!failures.TryGetValue(result.Fingerprint, out var seen) || (seen.IsWaived && !result.IsWaived))
            {
                failures[result.Fingerprint] = result;
            }
        }

        return failures;
    }
}

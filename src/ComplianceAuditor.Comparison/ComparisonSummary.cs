namespace ComplianceAuditor.Comparison;

/// <summary>How many schemes, provisions and findings fell into each kind of change.</summary>
public sealed record ComparisonSummary(ChangeCounts Schemes, ChangeCounts Provisions, FindingCounts Findings);

public sealed record ChangeCounts(int Unchanged, int Improved, int Regressed, int Changed, int Added, int Removed)
{
    public static ChangeCounts Of(IEnumerable<ChangeKind> kinds)
    {
        var list = kinds.ToList();
        return new ChangeCounts(
            list.Count(k => k == ChangeKind.Unchanged),
            list.Count(k => k == ChangeKind.Improved),
            list.Count(k => k == ChangeKind.Regressed),
            list.Count(k => k == ChangeKind.Changed),
            list.Count(k => k == ChangeKind.Added),
            list.Count(k => k == ChangeKind.Removed));
    }
}

public sealed record FindingCounts(int New, int Fixed, int Persisting, int Waived)
{
    public static FindingCounts Of(IEnumerable<FindingKind> kinds)
    {
        var list = kinds.ToList();
        return new FindingCounts(
            list.Count(k => k == FindingKind.New),
            list.Count(k => k == FindingKind.Fixed),
            list.Count(k => k == FindingKind.Persisting),
            list.Count(k => k == FindingKind.Waived));
    }
}

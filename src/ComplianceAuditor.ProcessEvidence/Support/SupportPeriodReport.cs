namespace ComplianceAuditor.ProcessEvidence.Support;

/// <summary>Support-period statements found in a repository, sorted by path and line.</summary>
public sealed record SupportPeriodReport(IReadOnlyList<SupportStatement> Statements)
{
    /// <summary>The latest end date stated anywhere, or null.</summary>
    public DateOnly? LatestEndDate => Statements.Where(s => s.EndDate is not null).Max(s => s.EndDate);

    public SupportPeriodStatus Status =>
        Statements.Count == 0 ? SupportPeriodStatus.Absent
        : LatestEndDate is null ? SupportPeriodStatus.NoEndDate
        : Statements.Any(s => s.EndDate is not null && !s.IsPast) ? SupportPeriodStatus.Current
        : SupportPeriodStatus.Ended;
}

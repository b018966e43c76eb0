namespace ComplianceAuditor.ProcessEvidence.Support;

/// <summary>The overall state of a repository's support-period statements.</summary>
public enum SupportPeriodStatus
{
    /// <summary>No statement found.</summary>
    Absent,

    /// <summary>Statements exist but none gives an end date (including open-ended wording such as lifetime support).</summary>
    NoEndDate,

    /// <summary>Every dated statement ends before the reference time.</summary>
    Ended,

    /// <summary>At least one dated statement ends on or after the reference time.</summary>
    Current,
}

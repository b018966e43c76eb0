namespace ComplianceAuditor.Comparison;

/// <summary>What happened to a failing result between the two reports.</summary>
public enum FindingKind
{
    /// <summary>Fails, unwaived, in the new report and did not fail unwaived in the old one (new, or its waiver lapsed).</summary>
    New,

    /// <summary>Failed in the old report (waived or not) and does not fail in the new one.</summary>
    Fixed,

    /// <summary>Fails, unwaived, in both.</summary>
    Persisting,

    /// <summary>Fails in the new report under a waiver that applies: an accepted risk, not a failure for the gate.</summary>
    Waived,
}

/// <summary>How one report holds a finding.</summary>
public enum FindingState
{
    Absent,

    Failing,

    Waived,
}

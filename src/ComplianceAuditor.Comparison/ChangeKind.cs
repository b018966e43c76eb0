namespace ComplianceAuditor.Comparison;

/// <summary>How a scheme's rating or a provision's verdict moved from the old report to the new one.</summary>
public enum ChangeKind
{
    Unchanged,

    Improved,

    Regressed,

    /// <summary>
    /// Different, but neither better nor worse: a verdict moved to or from <c>notApplicable</c> (a declaration
    /// changed, not the firmware), or the two values cannot be ordered (a label or verdict this tool does not know).
    /// </summary>
    Changed,

    /// <summary>Only in the new report.</summary>
    Added,

    /// <summary>Only in the old report.</summary>
    Removed,
}

namespace ComplianceAuditor.ProcessEvidence.Disclosure;

/// <summary>What a promised timeline in a disclosure policy is about; the UK PSTI rules ask for acknowledgement and status updates.</summary>
public enum TimelineKind
{
    /// <summary>Acknowledging or first responding to a report.</summary>
    Acknowledgement,

    /// <summary>Keeping the reporter informed of progress.</summary>
    StatusUpdate,

    /// <summary>Fixing, patching or releasing.</summary>
    Fix,
}

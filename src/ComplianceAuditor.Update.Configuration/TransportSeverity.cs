namespace ComplianceAuditor.Update.Configuration;

/// <summary>How bad an unauthenticated channel is, given what the client checks on the payload (CHK-UPD-05).</summary>
public enum TransportSeverity
{
    /// <summary>The payload is signature-checked (or that is unknown): the channel leaks and can be blocked, but cannot slip in code.</summary>
    Warning,

    /// <summary>The payload is not signature-checked: whoever controls the channel controls what is installed.</summary>
    Failure,
}

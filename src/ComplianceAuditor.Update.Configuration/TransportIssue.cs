namespace ComplianceAuditor.Update.Configuration;

/// <summary>
/// An update source or download setting that leaves the channel unauthenticated, where it was written, and whether
/// what travels over it is signature-checked anyway.
/// </summary>
/// <param name="Kind">Plain HTTP, FTP, TFTP, or TLS with verification switched off.</param>
/// <param name="Location">The file and line of the setting.</param>
/// <param name="Setting">The setting as written (trimmed, at most 200 characters): <c>url = "http://papero.fritz.box:8080";</c>.</param>
/// <param name="PayloadSignatures">Whether the client checks a signature on what it fetches this way.</param>
public sealed record TransportIssue(TransportIssueKind Kind, FileLocation Location, string Setting, Enforcement PayloadSignatures)
{
    /// <summary>
    /// <see cref="TransportSeverity.Failure"/> only when the payload is known to be unchecked: a signed payload over
    /// plain HTTP is a warning, and an unknown check is not assumed to be missing.
    /// </summary>
    public TransportSeverity Severity =>
        PayloadSignatures == Enforcement.NotEnforced ? TransportSeverity.Failure : TransportSeverity.Warning;
}

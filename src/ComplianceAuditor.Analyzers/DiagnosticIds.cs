namespace ComplianceAuditor.Analyzers;

/// <summary>
/// Every diagnostic id the package reports, in one place. CMP4xxx is the C# source range of the tool's one id space:
/// each id is also a rule file under rules/csharp/, so a finding in the IDE and the same finding in an audit report
/// carry the same id. Retired ids are never reused.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>An analyzer option in .editorconfig that could not be understood.</summary>
    public const string InvalidOption = "CMP4000";

    public const string HardCodedCredential = "CMP4001";

    public const string CertificateValidationDisabled = "CMP4002";

    public const string ObsoleteTlsVersion = "CMP4003";

    public const string PlainTextUpdateUrl = "CMP4004";

    public const string WeakHashForIntegrity = "CMP4005";

    public const string WeakCipher = "CMP4006";

    public const string InsecureRandomForSecret = "CMP4007";

    public const string UpdateWithoutSignatureCheck = "CMP4008";

    public const string DebugEndpointInRelease = "CMP4009";
}

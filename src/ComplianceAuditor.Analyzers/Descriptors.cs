using Microsoft.CodeAnalysis;

namespace ComplianceAuditor.Analyzers;

/// <summary>
/// The descriptor of every diagnostic, each with a help link to its rule file. Titles and messages are short; the
/// rule file's rationale and remediation say why and what to do, and the audit report shows them.
/// </summary>
public static class Descriptors
{
    /// <summary>Where the rule files live; a rule's help link is its file under rules/csharp/.</summary>
    public const string RulesUrl = "https://github.com/compliance-auditor/compliance-auditor/blob/main/rules/csharp/";

    private const string Security = "Security";

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        DiagnosticIds.InvalidOption, "invalid-analyzer-option", "Configuration",
        "A ComplianceAuditor analyzer option could not be understood",
        "The .editorconfig option '{0}' has a value that is not understood ('{1}'): {2}; the rule keeps its defaults for it",
        DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HardCodedCredential = Create(
        DiagnosticIds.HardCodedCredential, "hard-coded-credential", Security,
        "Credential written into the source",
        "A fixed {0} is passed to {1}; every device built from this code shares it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CertificateValidationDisabled = Create(
        DiagnosticIds.CertificateValidationDisabled, "certificate-validation-disabled", Security,
        "Server certificate validation is switched off",
        "{0} accepts any server certificate, so anyone on the network can pose as the server",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ObsoleteTlsVersion = Create(
        DiagnosticIds.ObsoleteTlsVersion, "obsolete-tls-version", Security,
        "Obsolete SSL or TLS version enabled",
        "{0} enables {1}, which is broken or deprecated (RFC 8996); use TLS 1.2 or later, or leave the choice to the system",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PlainTextUpdateUrl = Create(
        DiagnosticIds.PlainTextUpdateUrl, "plain-text-update-url", Security,
        "Firmware or configuration fetched over plain HTTP",
        "'{0}' is fetched over an unencrypted, unauthenticated connection by {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor WeakHashForIntegrity = Create(
        DiagnosticIds.WeakHashForIntegrity, "weak-hash-for-integrity", Security,
        "MD5 or SHA-1 protects integrity or a signature",
        "{0} is used to {1}; collisions can be made for it, so it cannot protect an update or a signature",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor WeakCipher = Create(
        DiagnosticIds.WeakCipher, "weak-cipher", Security,
        "Broken cipher or cipher mode",
        "{0} is not a safe way to encrypt data; use AES-GCM or ChaCha20-Poly1305",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InsecureRandomForSecret = Create(
        DiagnosticIds.InsecureRandomForSecret, "insecure-random-secret", Security,
        "System.Random makes a secret value",
        "System.Random makes {0}; its output can be predicted, use RandomNumberGenerator",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UpdateWithoutSignatureCheck = Create(
        DiagnosticIds.UpdateWithoutSignatureCheck, "update-without-signature-check", Security,
        "Downloaded update applied without signature verification",
        "Data read by {0} reaches {1} on a path that does not pass a signature verification",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DebugEndpointInRelease = Create(
        DiagnosticIds.DebugEndpointInRelease, "debug-endpoint-in-release", Security,
        "Debug or diagnostic access enabled in a release build",
        "This enables {0} in code that also runs in release builds; limit it to debug builds or the development environment",
        DiagnosticSeverity.Warning);

    /// <summary>Every descriptor, in id order: the registry the release-tracking files and rules/csharp/ must match.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        InvalidOption, HardCodedCredential, CertificateValidationDisabled, ObsoleteTlsVersion, PlainTextUpdateUrl,
        WeakHashForIntegrity, WeakCipher, InsecureRandomForSecret, UpdateWithoutSignatureCheck, DebugEndpointInRelease,
    ];

    /// <summary>The rule file a descriptor's help link names: <c>CMP4001.hard-coded-credential.yaml</c>.</summary>
    public static string RuleFileName(DiagnosticDescriptor descriptor)
    {
        var link = descriptor?.HelpLinkUri ?? throw new ArgumentNullException(nameof(descriptor));
        return link.Substring(RulesUrl.Length);
    }

    private static DiagnosticDescriptor Create(
        string id, string slug, string category, string title, string message, DiagnosticSeverity severity, params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true,
            helpLinkUri: RulesUrl + id + "." + slug + ".yaml", customTags: tags);
}

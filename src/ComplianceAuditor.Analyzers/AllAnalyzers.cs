using ComplianceAuditor.Analyzers.Credentials;
using ComplianceAuditor.Analyzers.Cryptography;
using ComplianceAuditor.Analyzers.Diagnostics;
using ComplianceAuditor.Analyzers.Randomness;
using ComplianceAuditor.Analyzers.Transport;
using ComplianceAuditor.Analyzers.Update;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers;

/// <summary>
/// Every analyzer of the package, listed explicitly: what the CLI runs over a repository. The compiler finds the same
/// analyzers in the package by their [DiagnosticAnalyzer] attribute; a test checks the two agree.
/// </summary>
public static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new OptionsAnalyzer(),
        new HardCodedCredentialAnalyzer(),
        new CertificateValidationAnalyzer(),
        new TlsVersionAnalyzer(),
        new PlainTextUpdateUrlAnalyzer(),
        new WeakHashAnalyzer(),
        new WeakCipherAnalyzer(),
        new InsecureRandomAnalyzer(),
        new UpdateSignatureAnalyzer(),
        new DebugEndpointAnalyzer());
}

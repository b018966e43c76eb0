using ComplianceAuditor.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests;

public sealed class OptionsAnalyzerTests
{
    private const string Source = "class C { }";

    [Fact]
    public Task Readable_options_raise_nothing() =>
        Verify<OptionsAnalyzer>.DiagnosticsAsync(Source, [],
            "compliance_auditor.CMP4001.credential_names = pin, pass_code\ncompliance_auditor.CMP4008.update_sinks = Acme.Ota.Updater.Apply, Flash..ctor, Crypto.Verify*\n");

    [Fact]
    public Task Each_unreadable_entry_is_reported_once_with_its_key() =>
        Verify<OptionsAnalyzer>.DiagnosticsAsync(Source, [],
            "compliance_auditor.CMP4001.credential_names = pin, pass-code\ncompliance_auditor.CMP4008.update_verifiers = Verify, Acme.Verify(\n",
            new DiagnosticResult(DiagnosticIds.InvalidOption, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithArguments("compliance_auditor.CMP4001.credential_names", "pass-code", "expected a word of letters, digits and underscores"),
            new DiagnosticResult(DiagnosticIds.InvalidOption, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithArguments("compliance_auditor.CMP4008.update_verifiers", "Acme.Verify(", "expected a method as Type.Method or Namespace.Type.Method (Type..ctor for a constructor)"),
            new DiagnosticResult(DiagnosticIds.InvalidOption, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithArguments("compliance_auditor.CMP4008.update_verifiers", "Verify", "expected a method as Type.Method or Namespace.Type.Method (Type..ctor for a constructor)"));
}

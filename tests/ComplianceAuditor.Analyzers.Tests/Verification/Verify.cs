using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ComplianceAuditor.Analyzers.Tests.Verification;

/// <summary>
/// Runs one analyzer over test source whose expected diagnostics are marked inline (<c>{|CMP4001:"secret"|}</c>),
/// against the local framework references and any API stubs the test names. Every diagnostic the analyzer reports
/// must be marked, and every mark must be reported.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Checks the marked diagnostics with the stubs compiled beside the source; compiler errors fail the test.</summary>
    public static Task DiagnosticsAsync(string source, params string[] stubs) => DiagnosticsAsync(source, stubs, editorConfig: null);

    public static Task DiagnosticsAsync(string source, string[] stubs, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = Create(source, stubs, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Checks the marked diagnostics with the platform's types left unresolved (no stubs), the way the CLI sees a
    /// repository whose packages it cannot restore: compiler errors are expected and ignored, the analyzer's are not.
    /// </summary>
    public static Task UnresolvedDiagnosticsAsync(string source)
    {
        var test = Create(source, [], null);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    private static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create(string source, string[] stubs, string? editorConfig)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = LocalReferences.None };
        Prepare(test.TestState, stubs, editorConfig);
        return test;
    }

    internal static void Prepare(SolutionState state, string[] stubs, string? editorConfig)
    {
        state.AdditionalReferences.AddRange(LocalReferences.Framework);
        for (var i = 0; i < stubs.Length; i++)
        {
            state.Sources.Add(($"/0/Stub{i}.cs", stubs[i]));
        }

        if (editorConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }
    }
}

/// <summary>Runs an analyzer and its code fix: the marked source must become <c>fixedSource</c>.</summary>
internal static class Verify<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task FixAsync(string source, string fixedSource, params string[] stubs)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = LocalReferences.None,
        };
        Verify<TAnalyzer>.Prepare(test.TestState, stubs, null);
        Verify<TAnalyzer>.Prepare(test.FixedState, stubs, null);
        return test.RunAsync();
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>
/// A C# snippet compiled alone and run through the analyzers: how a rule file's self-test samples
/// (<c>tests.mustMatch</c>) are checked by <c>rules verify</c>, through the same analyzers as an audit.
/// </summary>
internal static class SnippetAnalysis
{
    public static IReadOnlySet<string> Diagnose(string source, AnalysisSettings settings)
    {
        var options = ProjectCompiler.ParseOptions(null);
        var tree = CSharpSyntaxTree.ParseText(source, options, "/sample.cs");
        var compilation = ProjectCompiler.Compile("sample", null, [tree], [], options);
        var diagnostics = compilation.WithAnalyzers(settings.Analyzers, new AnalyzerOptions([]))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return diagnostics.Where(d => d.Location.IsInSource).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
    }
}

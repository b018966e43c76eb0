using ComplianceAuditor.Analyzers.Tests.Verification;
using ComplianceAuditor.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers.Tests.Transport;

/// <summary>
/// The C# samples of a rule file (tests.mustMatch and tests.mustNotMatch), run the way `rules verify` and the CLI run
/// them: each compiled alone against the framework, no stubs, platform types unresolved.
/// </summary>
internal static class RuleSamples
{
    public static async Task VerifyAsync<TAnalyzer>(DiagnosticDescriptor descriptor)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var (mustMatch, mustNotMatch) = Read(descriptor);
        Assert.NotEmpty(mustMatch);
        Assert.NotEmpty(mustNotMatch);
        foreach (var sample in mustMatch)
        {
            Assert.True(await ReportsAsync<TAnalyzer>(sample, descriptor.Id), $"expected {descriptor.Id} for:\n{sample}");
        }

        foreach (var sample in mustNotMatch)
        {
            Assert.False(await ReportsAsync<TAnalyzer>(sample, descriptor.Id), $"expected no {descriptor.Id} for:\n{sample}");
        }
    }

    private static async Task<bool> ReportsAsync<TAnalyzer>(string sample, string id)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var compilation = CSharpCompilation.Create(
            "sample", [CSharpSyntaxTree.ParseText(sample)], LocalReferences.Framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation.WithAnalyzers([new TAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Any(d => d.Id == id);
    }

    /// <summary>The block scalars (<c>- |</c>, body indented six spaces) under the two lists.</summary>
    private static (List<string> MustMatch, List<string> MustNotMatch) Read(DiagnosticDescriptor descriptor)
    {
        var file = Path.Combine(RepositoryPaths.Root, "rules", "csharp", Descriptors.RuleFileName(descriptor));
        var (mustMatch, mustNotMatch) = (new List<string>(), new List<string>());
        List<string>? list = null;
        foreach (var line in File.ReadAllLines(file))
        {
            var trimmed = line.Trim();
            if (trimmed is "mustMatch:" or "mustNotMatch:")
            {
                list = trimmed == "mustMatch:" ? mustMatch : mustNotMatch;
            }
            else if (list is not null && trimmed == "- |")
            {
                list.Add("");
            }
            else if (list is { Count: > 0 } && (line.StartsWith("      ", StringComparison.Ordinal) || line.Length == 0))
            {
                list[^1] += (line.Length == 0 ? "" : line[6..]) + "\n";
            }
        }

        return (mustMatch, mustNotMatch);
    }
}

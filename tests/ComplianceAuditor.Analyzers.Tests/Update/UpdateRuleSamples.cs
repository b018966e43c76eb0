using ComplianceAuditor.Analyzers.Tests.Verification;
using ComplianceAuditor.Analyzers.Update;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers.Tests.Update;

/// <summary>
/// The self-test samples of rules/csharp/CMP4008, run the way <c>rules verify</c> runs them (each compiled alone, no
/// stubs), so that the rule file and the analyzer cannot drift apart.
/// </summary>
internal static class UpdateRuleSamples
{
    /// <summary>Does the analyzer report CMP4008 on <paramref name="sample"/> compiled alone, platform types unresolved?</summary>
    public static async Task<bool> ReportsAsync(string sample)
    {
        var compilation = CSharpCompilation.Create(
            "sample", [CSharpSyntaxTree.ParseText(sample)], LocalReferences.Framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation.WithAnalyzers([new UpdateSignatureAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Any(d => d.Id == DiagnosticIds.UpdateWithoutSignatureCheck);
    }

    /// <summary>The block-scalar samples under tests.mustMatch and tests.mustNotMatch of the rule file.</summary>
    public static (List<string> MustMatch, List<string> MustNotMatch) Read()
    {
        var file = Path.Combine(RepositoryRoot(), "rules", "csharp", Descriptors.RuleFileName(Descriptors.UpdateWithoutSignatureCheck));
        var (mustMatch, mustNotMatch) = (new List<string>(), new List<string>());
        List<string>? list = null;
        System.Text.StringBuilder? sample = null;
        foreach (var line in File.ReadAllLines(file).Append(""))
        {
            var trimmed = line.Trim();
            if (trimmed is "mustMatch:" or "mustNotMatch:")
            {
                list = trimmed == "mustMatch:" ? mustMatch : mustNotMatch;
            }
            else if (list is not null && trimmed == "- |")
            {
                sample = new System.Text.StringBuilder();
                list.Add("");
            }
            else if (list is not null && sample is not null && (line.StartsWith("      ", StringComparison.Ordinal) || line.Length == 0))
            {
                sample.AppendLine(line.Length == 0 ? "" : line[6..]);
                list[^1] = sample.ToString();
            }
        }

        return (mustMatch, mustNotMatch);
    }

    /// <summary>
    /// The repository, found above the test binaries or, when they are built elsewhere (--artifacts-path), above the
    /// directory <c>dotnet test</c> was started from (the shell's PWD; the test host itself runs in the output folder).
    /// </summary>
    private static string RepositoryRoot()
    {
        var starts = new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Environment.GetEnvironmentVariable("PWD") };
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ComplianceAuditor.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("ComplianceAuditor.sln not found above " + string.Join(" or ", starts));
    }
}

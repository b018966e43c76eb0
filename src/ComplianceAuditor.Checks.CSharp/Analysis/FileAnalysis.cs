using System.Collections.Immutable;
using ComplianceAuditor.Checks.CSharp.Findings;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>What the analysis made of one file of the target.</summary>
/// <param name="Project">The project the file was compiled in, or the compilation of files outside any project.</param>
/// <param name="NotAnalysed">Why the file was not analysed, when it was not.</param>
/// <param name="Generated">True when the file is generated code, which the analyzers leave alone.</param>
internal sealed record FileAnalysis(string Project, string? NotAnalysed, bool Generated, ImmutableArray<SourceFinding> Findings)
{
    public static FileAnalysis Skipped(string project, string reason) => new(project, reason, false, []);
}

/// <summary>One compilation: how many files, how much did not resolve, and which analyzers failed on it.</summary>
/// <param name="Unresolved">Compiler errors for names it could not find (platform packages are not restored).</param>
/// <param name="Failures">Diagnostic id to why its analyzer failed on this compilation.</param>
/// <param name="Problem">Why the compilation could not be analysed at all, when it could not.</param>
internal sealed record ProjectSummary(string Project, int Files, int Unresolved, ImmutableDictionary<string, string> Failures, string? Problem);

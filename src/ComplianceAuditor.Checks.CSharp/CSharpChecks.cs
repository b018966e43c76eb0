using ComplianceAuditor.Analyzers;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.CSharp;

/// <summary>
/// The check kinds of the C# source family, for explicit registration: one kind, <c>csharp-analyzer</c>, that runs
/// the analyzers of the ComplianceAuditor.Analyzers package over a target's C# files and reports one diagnostic id
/// per rule.
/// </summary>
public static class CSharpChecks
{
    public static IEnumerable<ICheck> All() => [new CSharpAnalyzerCheck(AllAnalyzers.Create())];
}

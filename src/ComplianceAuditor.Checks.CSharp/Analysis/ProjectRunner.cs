using System.Collections.Concurrent;
using System.Collections.Immutable;
using ComplianceAuditor.Checks.CSharp.Findings;
using ComplianceAuditor.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>
/// Runs the analyzers over one project's compilation, the way the compiler runs them in a build, and files each
/// diagnostic under its source file. Suppressed diagnostics are asked for too: an audit counts a finding someone
/// silenced, and says how it was silenced.
/// </summary>
internal static class ProjectRunner
{
    /// <summary>Compiler errors that mean a name was not found: what an unrestored package leaves behind.</summary>
    private static readonly HashSet<string> UnresolvedIds = new(StringComparer.Ordinal) { "CS0246", "CS0234", "CS0103", "CS1061", "CS0012", "CS0117", "CS0400" };

    public static ProjectSummary Analyse(
        string name,
        Compilation compilation,
        IReadOnlyList<(Artifact Artifact, SyntaxTree Tree, bool Generated)> trees,
        AnalysisSettings settings,
        EditorConfigOptions options,
        Dictionary<string, FileAnalysis> files,
        CancellationToken cancellationToken)
    {
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], options),
            (exception, analyzer, _) =>
            {
                foreach (var descriptor in analyzer.SupportedDiagnostics)
                {
                    failures.TryAdd(descriptor.Id, $"its analyzer failed on this project ({exception.GetType().Name}: {exception.Message})");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);

        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = compilation.WithAnalyzers(settings.Analyzers, analyzerOptions).GetAllDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // Hostile source that breaks the compiler must cost this project's results, not the audit.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var problem = $"the project could not be analysed ({e.GetType().Name}: {e.Message})";
            foreach (var (artifact, _, _) in trees)
            {
                files[artifact.Path] = FileAnalysis.Skipped(name, problem);
            }

            return new ProjectSummary(name, trees.Count, 0, ImmutableDictionary<string, string>.Empty, problem);
        }

        var ours = settings.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var byTree = diagnostics
            .Where(d => ours.Contains(d.Id) && d.Location.IsInSource)
            .GroupBy(d => d.Location.SourceTree!)
            .ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var (artifact, tree, generated) in trees)
        {
            var found = byTree.GetValueOrDefault(tree) ?? [];
            var severities = options.TreeOptions(tree.FilePath);
            var secrets = found.Where(d => d.Id == Analyzers.DiagnosticIds.HardCodedCredential).Select(d => d.Location.SourceSpan).ToArray();
            var findings = found
                .Select(d => FindingFactory.Create(d, severities, secrets, settings.ShowSecrets))
                .OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal)
                .ToImmutableArray();
            files[artifact.Path] = new FileAnalysis(name, null, generated, findings);
        }

        var unresolved = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && UnresolvedIds.Contains(d.Id));
        return new ProjectSummary(name, trees.Count, unresolved, failures.ToImmutableDictionary(StringComparer.Ordinal), null);
    }
}

using System.Collections.Immutable;
using ComplianceAuditor.Checks.CSharp.Analysis;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Checks.CSharp;

/// <summary>
/// <c>csharp-analyzer</c>: one diagnostic id of the analyzer package (<c>check.diagnostic</c>), judged per C# file.
/// The target's analysis runs once, before its files are evaluated (<see cref="IPreparesTarget"/>), and every rule
/// of the family reads its own id from it. CMP4000, the invalid-option diagnostic, is judged on the .editorconfig
/// and .globalconfig files instead, where the bad value is written.
/// </summary>
public sealed class CSharpAnalyzerCheck : ICheck
{
    internal const string WorkKey = "csharp-analysis";

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly HashSet<string> _ids;

    public CSharpAnalyzerCheck(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        _analyzers = analyzers;
        _ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
    }

    public string Kind => "csharp-analyzer";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Text];

    public IReadOnlyCollection<string> Parameters { get; } = ["diagnostic"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(options);
        var id = rule.Check.TryGetString("diagnostic") ?? throw new CheckParameterException("'diagnostic' is required: the analyzer diagnostic id the rule reports");
        if (!_ids.Contains(id))
        {
            throw new CheckParameterException($"'{id}' is not a diagnostic of the analyzer package (known: {string.Join(", ", _ids.Order(StringComparer.Ordinal))})");
        }

        var settings = new AnalysisSettings { Analyzers = _analyzers, ShowSecrets = options.ShowSecrets };
        return new PreparedAnalyzerRule(id, settings);
    }

    /// <summary>The analysis of the context's target, made by <see cref="PreparedAnalyzerRule.PrepareTarget"/>.</summary>
    internal static TargetAnalysis? AnalysisOf(CheckContext context) => context.Target.Find<TargetAnalysis>(WorkKey);
}

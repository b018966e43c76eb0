using System.Collections.Concurrent;
using ComplianceAuditor.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Analyzers;

/// <summary>
/// CMP4000: an analyzer option whose value cannot be read. The rules skip such entries and keep their defaults; this
/// analyzer says so once per distinct entry at the end of the compilation, instead of failing or staying silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptionsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidOption);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var problems = new ConcurrentDictionary<(string Key, string Entry), string>();
            start.RegisterSyntaxTreeAction(tree =>
            {
                foreach (var key in OptionKeys.All)
                {
                    if (OptionValues.Raw(tree.Options, tree.Tree, key) is { } raw)
                    {
                        foreach (var (entry, problem) in OptionValues.Problems(key, raw))
                        {
                            problems.TryAdd((key.Name, entry), problem);
                        }
                    }
                }
            });
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var pair in problems.OrderBy(p => p.Key.Key, StringComparer.Ordinal).ThenBy(p => p.Key.Entry, StringComparer.Ordinal))
                {
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, pair.Key.Key, pair.Key.Entry, pair.Value));
                }
            });
        });
    }
}

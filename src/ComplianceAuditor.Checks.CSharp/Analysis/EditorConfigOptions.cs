using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>
/// The analyzer options a build would give: every .editorconfig and .globalconfig of the target, applied per source
/// file by Roslyn's own rules (sections, <c>root = true</c>, global configs). This is how the CLI honours the same
/// options (extra credential names, update sinks and verifiers) as the IDE. Severities set there are read back by
/// <see cref="TreeOptions"/>; the compilation itself is not told, so a rule switched off in .editorconfig still runs
/// and its findings say they were switched off.
/// </summary>
internal sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly ImmutableDictionary<string, string> _global;
    private readonly PathCache _cache = new();

    public EditorConfigOptions(IEnumerable<AnalyzerConfig> configs)
    {
        _set = AnalyzerConfigSet.Create(configs.ToList());
        _global = _set.GlobalConfigOptions.AnalyzerOptions;
        GlobalOptions = new Options(_global, ImmutableDictionary<string, string>.Empty);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _cache.Get(tree.FilePath, _set, _global).Options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GetOptionsFor(textFile.Path);

    /// <summary>The severities set for a file (<c>dotnet_diagnostic.ID.severity</c>), by diagnostic id.</summary>
    public ImmutableDictionary<string, ReportDiagnostic> TreeOptions(string path) => _cache.Get(path, _set, _global).Result.TreeOptions;

    private Options GetOptionsFor(string path) => _cache.Get(path, _set, _global).Options;

    /// <summary>A file's options, then the global configs' global section, as the compiler hands them to analyzers.</summary>
    private sealed class Options(ImmutableDictionary<string, string> values, ImmutableDictionary<string, string> global) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value) || global.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys.Union(global.Keys, KeyComparer);
    }

    /// <summary>Options per file path, worked out once: every analyzer asks for them for every file.</summary>
    private sealed class PathCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (AnalyzerConfigOptionsResult Result, Options Options)> _byPath =
            new(StringComparer.Ordinal);

        public (AnalyzerConfigOptionsResult Result, Options Options) Get(string path, AnalyzerConfigSet set, ImmutableDictionary<string, string> global) =>
            _byPath.GetOrAdd(path, p =>
            {
                var result = set.GetOptionsForSourcePath(p);
                return (result, new Options(result.AnalyzerOptions, global));
            });
    }
}

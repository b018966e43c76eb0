using System.Collections.Immutable;
using System.Globalization;
using ComplianceAuditor.Checks.CSharp.Projects;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using Microsoft.CodeAnalysis;

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>
/// The C# analysis of one target: each project compiled and run through every analyzer once, the diagnostics kept
/// per file (as <see cref="Findings.SourceFinding"/>s); the compilations are let go once the whole target is analysed
/// (later projects reference earlier ones), so only the findings outlive the analysis. Every rule of the family reads
/// its results from here. Bad input never escapes as an exception: a file that cannot be read, a project that cannot
/// be compiled, an analyzer that throws, or the time running out all become reasons on the results they affect.
/// </summary>
internal sealed class TargetAnalysis
{
    private TargetAnalysis(
        IReadOnlyDictionary<string, FileAnalysis> files, IReadOnlyDictionary<string, ProjectSummary> projects, string? failure)
    {
        Files = files;
        Projects = projects;
        Failure = failure;
    }

    /// <summary>By artifact path: every C# file and every analyzer configuration file of the target.</summary>
    public IReadOnlyDictionary<string, FileAnalysis> Files { get; }

    public IReadOnlyDictionary<string, ProjectSummary> Projects { get; }

    /// <summary>Why the whole analysis has no results (it ran out of time), when it has none.</summary>
    public string? Failure { get; }

    public static TargetAnalysis Run(TargetInventory inventory, AnalysisSettings settings, CancellationToken cancellationToken)
    {
        var set = SourceSet.Of(inventory);
        if (set.Sources.Count == 0)
        {
            return new TargetAnalysis(new Dictionary<string, FileAnalysis>(), new Dictionary<string, ProjectSummary>(), null);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.Timeout);
        try
        {
            var run = new Analyser(set, settings, limit.Token);
            run.AnalyseAll();
            return new TargetAnalysis(run.Files, run.Projects, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(string.Create(
                CultureInfo.InvariantCulture, $"the C# analysis of the target was stopped after its time limit of {settings.Timeout.TotalMinutes:0.#} min"));
        }
#pragma warning disable CA1031 // Whatever hostile source does to the compiler costs this target's C# results, not the audit.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return Failed($"the C# analysis of the target failed ({e.GetType().Name}: {e.Message})");
        }
    }

    private static TargetAnalysis Failed(string reason) =>
        new(new Dictionary<string, FileAnalysis>(), new Dictionary<string, ProjectSummary>(), reason);

    /// <summary>One run's state: the files, the budget, the compilations referenced by later projects.</summary>
    private sealed class Analyser(SourceSet set, AnalysisSettings settings, CancellationToken cancellationToken)
    {
        private const int MaxReferenceDepth = 64;

        private readonly Dictionary<string, Compilation> _compiled = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
        private Dictionary<string, List<Artifact>> _groups = [];
        private Dictionary<string, ProjectFile> _projectFiles = [];
        private readonly Dictionary<string, EditorConfigOptions> _optionSets = new(StringComparer.Ordinal);
        private IReadOnlyList<(Artifact Artifact, AnalyzerConfig Config, string Text)> _configs = [];
        private long _budget = settings.MaxTotalBytes;

        public Dictionary<string, FileAnalysis> Files { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ProjectSummary> Projects { get; } = new(StringComparer.Ordinal);

        public void AnalyseAll()
        {
            var unreadable = new List<(Artifact Artifact, string Problem)>();
            var configs = ConfigFiles.Read(set.Configs, unreadable, cancellationToken);
            foreach (var (artifact, problem) in unreadable)
            {
                Files[artifact.Path] = FileAnalysis.Skipped("", problem);
            }

            _configs = configs;
            _projectFiles = set.Projects.ToDictionary(p => p.RelativePath, ReadProject, StringComparer.Ordinal);
            _groups = ProjectLayout.Assign(set).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
            foreach (var name in _groups.Keys.Order(StringComparer.Ordinal))
            {
                Analyse(name, 0);
            }

            foreach (var (path, analysis) in ConfigFiles.Findings(configs))
            {
                Files[path] = analysis;
            }
        }

        /// <summary>Analyses a project after the projects it references, and returns its compilation for them.</summary>
        private Compilation? Analyse(string name, int depth)
        {
            if (_compiled.TryGetValue(name, out var done))
            {
                return done;
            }

            if (depth > MaxReferenceDepth || !_groups.TryGetValue(name, out var files) || !_inProgress.Add(name))
            {
                // Not a project with C# files here, a reference cycle, or a chain of references longer than any real
                // solution's: compiled without that reference.
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var project = _projectFiles.GetValueOrDefault(name);
            var references = (project?.ProjectReferences ?? [])
                .Select(reference => Analyse(reference, depth + 1))
                .Where(c => c is not null)
                .Select(c => c!.ToMetadataReference())
                .ToArray();
            var parseOptions = ProjectCompiler.ParseOptions(project);
            var trees = new List<(Artifact Artifact, SyntaxTree Tree, bool Generated)>();
            foreach (var file in files)
            {
                if (Parse(name, file, parseOptions) is { } parsed)
                {
                    trees.Add(parsed);
                }
            }

            var compilation = ProjectCompiler.Compile(name, project, trees.Select(t => t.Tree).ToArray(), references, parseOptions);
            var summary = ProjectRunner.Analyse(name, compilation, trees, settings, OptionsFor(name), Files, cancellationToken);
            Projects[name] = project?.Problem is { } problem ? summary with { Problem = summary.Problem ?? problem } : summary;
            _compiled[name] = compilation;
            return compilation;
        }

        private (Artifact, SyntaxTree, bool)? Parse(string project, Artifact file, Microsoft.CodeAnalysis.CSharp.CSharpParseOptions options)
        {
            if (file.Size <= settings.MaxFileBytes && file.Size > _budget)
            {
                Files[file.Path] = FileAnalysis.Skipped(project, string.Create(CultureInfo.InvariantCulture,
                    $"the target holds more C# source than the {settings.MaxTotalBytes / (1024 * 1024)} MB the analysis reads, and this file no longer fitted (projects are read in name order, each after the projects it references)"));
                return null;
            }

            var text = SourceReader.Read(file, settings.MaxFileBytes, out var problem);
            if (text is null)
            {
                Files[file.Path] = FileAnalysis.Skipped(project, problem!);
                return null;
            }

            _budget -= file.Size;
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text, options, VirtualPath.Of(file.RelativePath), cancellationToken);
            if (SyntaxDepth.TooDeep(tree, cancellationToken))
            {
                Files[file.Path] = FileAnalysis.Skipped(project, string.Create(CultureInfo.InvariantCulture,
                    $"the file nests its code more than {SyntaxDepth.Max} levels deep, which no hand-written code does and which would overflow the compiler's stack; it was not compiled"));
                return null;
            }

            return (file, tree, GeneratedCode.IsGenerated(file.RelativePath, tree, OptionsFor(project).GetOptions(tree)));
        }

        /// <summary>
        /// The options a build of <paramref name="project"/> sees: every .editorconfig (each applies by the paths of
        /// the files it covers), but only the .globalconfig files in the project's folder or above it, which is where
        /// the SDK looks for them. Projects that see the same files share one set.
        /// </summary>
        private EditorConfigOptions OptionsFor(string project)
        {
            var folder = project == ProjectLayout.Loose || !project.Contains('/', StringComparison.Ordinal) ? "" : project[..project.LastIndexOf('/')];
            var seen = _configs.Where(c => !IsGlobal(c.Artifact.RelativePath) || Contains(FolderOf(c.Artifact.RelativePath), folder)).ToArray();
            var key = string.Join("\n", seen.Select(c => c.Artifact.RelativePath));
            if (!_optionSets.TryGetValue(key, out var options))
            {
                _optionSets[key] = options = new EditorConfigOptions(seen.Select(c => c.Config));
            }

            return options;
        }

        private static bool IsGlobal(string relativePath) => relativePath.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase);

        private static string FolderOf(string relativePath) => relativePath.Contains('/', StringComparison.Ordinal) ? relativePath[..relativePath.LastIndexOf('/')] : "";

        /// <summary>Is <paramref name="outer"/> the folder <paramref name="folder"/> or one above it?</summary>
        private static bool Contains(string outer, string folder) =>
            outer.Length == 0 || folder == outer || folder.StartsWith(outer + "/", StringComparison.Ordinal);

        private ProjectFile ReadProject(Artifact artifact)
        {
            if (artifact.Content is null || artifact.Size > ProjectFile.MaxBytes)
            {
                return new ProjectFile { RelativePath = artifact.RelativePath, Problem = "the project file was too large or unreadable; the project was compiled with defaults" };
            }

            try
            {
                using var stream = artifact.Content.OpenRead();
                return ProjectFile.Read(artifact.RelativePath, stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new ProjectFile { RelativePath = artifact.RelativePath, Problem = $"the project file could not be read ({IoErrors.Describe(e)})" };
            }
        }
    }
}

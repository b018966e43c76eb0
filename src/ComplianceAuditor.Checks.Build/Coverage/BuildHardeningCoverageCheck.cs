using System.Globalization;
using ComplianceAuditor.Checks.Build.Reading;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Build.Coverage;

/// <summary>
/// <c>build-hardening-coverage</c>: whether the build files of a repository's working tree, taken together, ask for
/// each of the stack protector, FORTIFY_SOURCE, PIE, RELRO and immediate binding (in CMake or Make flags, Buildroot
/// toolchain choices, or Yocto's <c>security_flags.inc</c> and flag variables). One result per target. A feature no
/// file asks for fails, unless a default the repository does not show decides it (a Buildroot configuration that
/// leaves the choice unwritten, a Yocto layer whose distribution lives elsewhere): then the result is inconclusive,
/// as it is when part of the tree or of a build file was not read. Optional <c>paths</c>/<c>exclude</c> narrow the
/// files counted (vendored third-party code, tests).
/// </summary>
public sealed class BuildHardeningCoverageCheck : ICheck
{
    public string Kind => "build-hardening-coverage";

    public CheckScope Scope => CheckScope.Target;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Prepared(PathSelection.From(rule.Check, required: false));
    }

    private sealed class Prepared(PathSelection paths) : IPreparedCheck
    {
        private const int MaxEvidence = 10;

        public bool Selects(Artifact artifact) => true;

        public string DescribeSelection() =>
            "the CMake files, Makefiles, Buildroot configurations and Yocto files of the working tree" + (paths.IsExplicit ? $" among {paths.Describe()}" : string.Empty);

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            var candidates = context.Inventory.Artifacts
                .Where(a => a.Kind is ArtifactKind.Text or ArtifactKind.Unreadable && BuildFileSelection.IsWorkingTreeBuildFile(a) && paths.Matches(a))
                .OrderBy(a => a.RelativePath, StringComparer.Ordinal)
                .ToList();
            var survey = HardeningSurvey.Collect(candidates, cancellationToken);
            var incomplete = context.Inventory.TreeComplete ? null : $"part of the target was not read ({context.Inventory.FirstNote})";
            if (survey.Files.Count == 0)
            {
                return NothingToJudge(survey, incomplete);
            }

            var missing = HardeningSurvey.Features.Where(f => !survey.Enabled.ContainsKey(f)).ToList();
            if (missing.Count == 0)
            {
                var sources = HardeningSurvey.Features.Select(f => survey.Enabled[f]).ToList();
                return CheckOutcome.Pass(
                    DisplayText.Sanitize($"the build asks for every hardening feature: {string.Join("; ", sources.Select(s => $"{s.Feature} ({s.Location}: {s.Setting})"))}", 2000),
                    [.. sources.Select(Evidence)]);
            }

            var unread = incomplete ?? (survey.Unread.Count > 0 ? $"not everything was read: {string.Join("; ", survey.Unread.Take(5))}" : null);
            if (unread is not null)
            {
                // What was not read could be the one file that asks for the feature.
                return CheckOutcome.Inconclusive(DisplayText.Sanitize($"no build file read asks for {string.Join(", ", missing)}, but {unread}", 2000));
            }

            var decided = missing.Where(f => !survey.Deferred.ContainsKey(f)).ToList();
            var deferredNote = string.Join("; ", missing.Where(survey.Deferred.ContainsKey).Select(f => $"{f} is left to {DescribeDeferred(survey.Deferred[f])}"));
            if (decided.Count == 0)
            {
                return CheckOutcome.Inconclusive(DisplayText.Sanitize(
                    $"no build file of the repository asks for {string.Join(", ", missing)}, and defaults the repository does not show decide them: {deferredNote}", 2000));
            }

            var examined = string.Join(", ", survey.Files.Take(5).Select(f => f.File.RelativePath)) + (survey.Files.Count > 5 ? ", ..." : string.Empty);
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"no build file asks for {string.Join(", ", decided)}, so the compiler's defaults decide, and cross toolchains for devices mostly leave them off "
                + $"({survey.Files.Count} build files examined: {examined}){(deferredNote.Length > 0 ? "; also " + deferredNote : string.Empty)}");
            return CheckOutcome.Fail(DisplayText.Sanitize(reason, 2000),
                [.. survey.Files.Take(MaxEvidence).Select(f => Examined(f, decided))],
                string.Join(",", decided));
        }

        private static CheckOutcome NothingToJudge(HardeningSurvey survey, string? incomplete)
        {
            if (survey.BareMetal.Count > 0)
            {
                var (file, sign) = survey.BareMetal[0];
                return CheckOutcome.NotApplicable(DisplayText.Sanitize(string.Create(CultureInfo.InvariantCulture,
                    $"the build files build for microcontrollers or without an operating system ('{sign.Marker}' in {file.RelativePath}:{sign.Line}"
                    + $"{(survey.BareMetal.Count > 1 ? $" and {survey.BareMetal.Count - 1} more" : string.Empty)}), where PIE, RELRO and immediate binding do not apply"), 600));
            }

            if (incomplete is not null || survey.Unread.Count > 0)
            {
                return CheckOutcome.Inconclusive(DisplayText.Sanitize(
                    $"no CMake, Make, Buildroot or Yocto build file could be read, and {incomplete ?? string.Join("; ", survey.Unread.Take(5))}", 1000));
            }

            return CheckOutcome.NotApplicable("the working tree has no CMake, Make, Buildroot or Yocto build files to ask for hardening flags");
        }

        private static string DescribeDeferred(List<string> where) =>
            where.Count == 1 ? where[0] : $"{where[0]} and {where.Count - 1} more";

        private static EvidenceItem Evidence(FeatureSource source) => new()
        {
            Kind = "text",
            Path = source.File.Path,
            Line = source.Line > 0 ? source.Line : null,
            Description = $"{source.Feature} is asked for here",
            Excerpt = DisplayText.Sanitize(source.Setting),
        };

        private static EvidenceItem Examined(SurveyedFile file, IReadOnlyList<string> missing) => new()
        {
            Kind = "file",
            Path = file.File.Path,
            Description = DisplayText.Sanitize(
                $"{file.KindName}: {(file.Enables.Count == 0 ? "asks for no hardening feature" : "asks for " + string.Join(", ", file.Enables))}; not for {string.Join(", ", missing)}", 400),
        };
    }
}

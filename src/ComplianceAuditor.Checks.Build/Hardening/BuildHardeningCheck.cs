using System.Globalization;
using ComplianceAuditor.BuildHardening;
using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.Checks.Build.Reading;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Build.Hardening;

/// <summary>
/// <c>build-hardening</c>: one build file of the working tree (Buildroot <c>.config</c>/defconfig, Yocto configuration,
/// recipe or bbappend, Zephyr <c>prj.conf</c>/<c>sysbuild.conf</c>/fragment, CMake file, Makefile) read by the
/// BuildHardening readers, failing on the weakness codes the rule names in <c>weaknesses</c> (codes or family
/// prefixes, checked at load). Files are picked by name, narrowed by the rule's optional <c>paths</c> and
/// <c>exclude</c>; a file of a kind that cannot show those codes is not applicable.
/// </summary>
public sealed class BuildHardeningCheck : ICheck
{
    public string Kind => "build-hardening";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Text];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude", "weaknesses"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Prepared(PathSelection.From(rule.Check, required: false), WeaknessSelection.From(rule.Check));
    }

    private sealed class Prepared(PathSelection paths, WeaknessSelection weaknesses) : IPreparedCheck
    {
        /// <remarks>
        /// A file whose name rules out every kind of build file this rule is about (a CMakeLists.txt for a Buildroot
        /// rule) is not selected at all, rather than recorded as not applicable once per rule.
        /// </remarks>
        public bool Selects(Artifact artifact) =>
            BuildFileSelection.IsWorkingTreeBuildFile(artifact)
            && BuildHardeningFiles.PossibleKinds(artifact.RelativePath).Any(weaknesses.Kinds.Contains)
            && paths.Matches(artifact);

        public string DescribeSelection() =>
            paths.IsExplicit ? $"{BuildFileKinds.Names(weaknesses.Kinds)} among {paths.Describe()}" : BuildFileKinds.Names(weaknesses.Kinds);

        /// <remarks>
        /// Files are chosen by name, so a file called <c>prj.conf</c> or <c>Makefile</c> whose content is binary is a
        /// damaged or disguised build file: the engine records it as inconclusive instead of passing over it.
        /// </remarks>
        public bool NarrowsByPath => true;

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            var analysis = BuildFileReader.Read(context);
            if (analysis.Problem is { } problem)
            {
                return CheckOutcome.Inconclusive($"the build file could not be read: {problem}");
            }

            if (analysis.Kind == BuildFileKind.None)
            {
                return CheckOutcome.NotApplicable($"not one of the {BuildFileSelection.Described} that the build readers understand (by its name, place and content)");
            }

            if (!weaknesses.Kinds.Contains(analysis.Kind))
            {
                return CheckOutcome.NotApplicable($"a {BuildFileKinds.Name(analysis.Kind)}; this rule is about {BuildFileKinds.Names(weaknesses.Kinds)}");
            }

            var found = analysis.Weaknesses.Where(weaknesses.Covers).ToList();
            var name = BuildFileKinds.Name(analysis.Kind);
            if (found.Count > 0)
            {
                var partly = analysis.Truncated ? " (only the first part of the file was read)" : string.Empty;
                return CheckOutcome.Fail($"{name}{partly}: {WeaknessEvidence.Reason(found)}", [.. found.Select(WeaknessEvidence.Item)], WeaknessEvidence.Key(found));
            }

            var lookedFor = string.Join(", ", weaknesses.CodesFor(analysis.Kind));
            if (analysis.Truncated)
            {
                // What was not read may hold the setting, so an empty first part proves nothing about the file.
                return CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture,
                    $"the {name} is too large to read whole (more than {BuildFileText.MaxBytes / 1024} KiB or {BuildFileText.MaxLines} lines, or a line over {BuildFileText.MaxLineLength} characters); the part read has none of {lookedFor}"));
            }

            return CheckOutcome.Pass($"{name} checked for {lookedFor}: none found");
        }
    }
}

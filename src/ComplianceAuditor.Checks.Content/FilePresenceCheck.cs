using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Content;

/// <summary>
/// The shared core of <c>file-present</c> and <c>file-absent</c>: list the target's artifacts whose paths match the
/// rule's globs (files, links and special files alike: a symlink named <c>gdbserver</c> still ships gdbserver).
/// </summary>
public abstract class FilePresenceCheck : ICheck
{
    public abstract string Kind { get; }

    public CheckScope Scope => CheckScope.Target;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude"];

    /// <summary>True when finding a file is the good outcome (<c>file-present</c>).</summary>
    protected abstract bool PresenceIsGood { get; }

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Prepared(PathSelection.From(rule.Check, required: true), PresenceIsGood);
    }

    private sealed class Prepared(PathSelection paths, bool presenceIsGood) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => true;

        public string DescribeSelection() => paths.Describe();

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            if (context.Inventory.Target.Kind == TargetKind.Firmware && context.Inventory.Artifacts.Count == 1)
            {
                // Deciding "absent" (or "missing") from a file list we never saw would be a guess.
                var root = context.Inventory.Root;
                return CheckOutcome.Inconclusive(root.Container is { } c
                    ? $"the firmware's {c.Format} could not be opened ({c.Reason ?? c.Status}), so which files it holds is unknown"
                    : "no image, archive or file system was recognised in the firmware file (or unpacking was switched off), so which files it holds is unknown");
            }

            var found = Matching(context.Inventory.Artifacts, cancellationToken)
                .OrderBy(a => a.Path, StringComparer.Ordinal)
                .ToArray();
            var evidence = found.Take(20).Select(a => new EvidenceItem
            {
                Kind = "file",
                Description = a.Kind == ArtifactKind.Symlink ? $"symbolic link to {a.LinkTarget}" : $"{a.Kind.ToString().ToLowerInvariant()} file",
                Path = a.Path,
            }).ToArray();
            var wanted = string.Join(", ", paths.Include);

            if (found.Length > 0)
            {
                var listed = string.Join(", ", found.Take(5).Select(a => a.RelativePath)) + (found.Length > 5 ? ", ..." : "");
                return presenceIsGood
                    ? CheckOutcome.Pass($"found {listed}", evidence)
                    : CheckOutcome.Fail($"found {listed}", evidence, string.Join('\n', found.Select(a => a.RelativePath)));
            }

            if (!context.Inventory.IsComplete)
            {
                // Absence is only proven by a complete listing.
                return CheckOutcome.Inconclusive($"no file matches {wanted} among those read, but part of the target was not read ({context.Inventory.FirstNote})");
            }

            return presenceIsGood
                ? CheckOutcome.Fail($"no file matches {wanted}", [], "absent")
                : CheckOutcome.Pass($"no file matches {wanted}");
        }

        /// <summary>
        /// The artifacts the globs select, but the target's root. A packed list is searched by path alone and only the
        /// matches are made into artifacts: the search reads every artifact of the target, hundreds of thousands on a
        /// large tree.
        /// </summary>
        private IEnumerable<Artifact> Matching(IReadOnlyList<Artifact> artifacts, CancellationToken cancellationToken)
        {
            if (artifacts is not IArtifactPaths packed)
            {
                return artifacts.Where(a => !a.IsTargetRoot && paths.Matches(a));
            }

            var matches = new List<Artifact>();
            for (var i = 0; i < packed.Count; i++)
            {
                if ((i & 0xfff) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (paths.Matches(packed.RelativePathAt(i)) && packed[i] is { IsTargetRoot: false } artifact)
                {
                    matches.Add(artifact);
                }
            }

            return matches;
        }
    }
}

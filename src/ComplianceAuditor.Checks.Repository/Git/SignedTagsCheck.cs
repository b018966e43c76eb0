using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Repository.Git;

/// <summary>
/// <c>signed-tags</c>: every tag of the repository is a tag object carrying a signature (OpenPGP, SSH or X.509), so
/// whoever builds a release from a tag can check who made it. Lightweight tags cannot carry one. The signatures are
/// found, not verified: that needs the maker's public keys, which the repository does not say are trusted.
/// </summary>
internal sealed class SignedTagsCheck : ICheck
{
    /// <summary>Evidence lists this many unsigned tags at most; the reason gives the count.</summary>
    private const int MaxEvidence = 20;

    public string Kind => "signed-tags";

    public CheckScope Scope => CheckScope.Target;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [];

    public IReadOnlyCollection<string> Parameters { get; } = [];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options) => new Prepared();

    private sealed class Prepared : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => true;

        public string DescribeSelection() => "the repository's tags";

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken)
        {
            if (context.Inventory.Repository is not { } facts)
            {
                return CheckOutcome.NotApplicable("the target is not a git repository, so it has no tags");
            }

            if (facts.Problem is { } problem)
            {
                return CheckOutcome.Inconclusive($"the repository's tags could not be read: {problem}");
            }

            if (facts.Tags.Count == 0)
            {
                return CheckOutcome.NotApplicable("the repository has no tags, so no release is marked to be signed");
            }

            var unsigned = facts.Tags.Where(t => t.Signature is null).ToArray();
            if (unsigned.Length == 0)
            {
                var kinds = string.Join(", ", facts.Tags.Select(t => t.Signature!).Distinct().Order(StringComparer.Ordinal));
                return CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture, $"all {facts.Tags.Count} tag(s) carry a signature ({kinds}); the signatures were not verified"));
            }

            var evidence = unsigned.Take(MaxEvidence).Select(t => new EvidenceItem
            {
                Kind = "commit",
                Description = t.Annotated ? $"tag '{t.Name}' is annotated but not signed" : $"tag '{t.Name}' is a lightweight tag, which cannot be signed",
                Commit = t.Commit.Length > 0 ? t.Commit : null,
            }).ToArray();
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{unsigned.Length} of {facts.Tags.Count} tag(s) carry no signature: {string.Join(", ", unsigned.Take(5).Select(t => t.Name))}{(unsigned.Length > 5 ? ", ..." : "")}");
            return CheckOutcome.Fail(reason, evidence, string.Join('\n', unsigned.Select(t => t.Name)));
        }
    }
}

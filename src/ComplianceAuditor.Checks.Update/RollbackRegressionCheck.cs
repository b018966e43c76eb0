using System.Globalization;
using ComplianceAuditor.Checks.Update.Judges;
using ComplianceAuditor.Checks.Update.Reading;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update;

/// <summary>
/// <c>update-rollback-regression</c>: with an earlier release given (<c>--previous</c>), each image's anti-rollback
/// value must be strictly greater than that of the same image in the earlier release. Devices accept an image whose
/// counter is equal to or above the one they store, so an equal counter lets the earlier, vulnerable release back
/// on. The same image is the one at the same path in the same format, or else the only image of that format.
/// </summary>
public sealed class RollbackRegressionCheck(IReadOnlyList<IUpdateFormat> formats, TrustAnchors anchors) : ICheck
{
    public string Kind => "update-rollback-regression";

    public CheckScope Scope => CheckScope.Artifact;

    public IReadOnlyList<ArtifactKind> DefaultArtifactKinds { get; } = [ArtifactKind.Binary, ArtifactKind.Text];

    public IReadOnlyCollection<string> Parameters { get; } = ["paths", "exclude"];

    public IPreparedCheck Prepare(RuleDefinition rule, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Prepared(PathSelection.From(rule.Check, required: false), formats, anchors);
    }

    private sealed class Prepared(PathSelection paths, IReadOnlyList<IUpdateFormat> formats, TrustAnchors anchors) : IPreparedCheck
    {
        public bool Selects(Artifact artifact) => paths.Matches(artifact);

        public string DescribeSelection() => paths.Describe();

        public bool NarrowsByPath => paths.IsExplicit;

        public CheckOutcome Evaluate(CheckContext context, CancellationToken cancellationToken) =>
            UpdateImageOutcome.Evaluate(context, formats, anchors, image => Compare(context, image, cancellationToken));

        private CheckOutcome Compare(CheckContext context, UpdateInspection image, CancellationToken cancellationToken)
        {
            if (image.Rollback is not { } counter)
            {
                return CheckOutcome.NotApplicable($"the {image.Format} carries no anti-rollback value to compare");
            }

            if (context.Peers.Count == 0)
            {
                return CheckOutcome.NotApplicable("no earlier release was given: pass it with --previous to check that the anti-rollback value grows");
            }

            // The fallback pairing ("the only image of its format") needs that to hold in this release too.
            var ownOfKind = PeerImages.Of(context.Inventory, formats, cancellationToken).Count(i => SameKind(i.Inspection, image));
            var pairs = context.Peers.Select(peer => (Peer: peer, Match: Match(context.Artifact, image, PeerImages.Of(peer, formats, cancellationToken), ownOfKind == 1))).ToList();
            var matched = pairs.Where(p => p.Match is not null).ToList();
            if (matched.Count == 0)
            {
                return CheckOutcome.NotApplicable($"no earlier release holds one {image.Format} with a {counter.Name} to pair this image with");
            }

            // The very same image in both releases has nothing to roll back to.
            if (matched.All(p => p.Match!.Value.Artifact.Sha256.Length > 0 && p.Match.Value.Artifact.Sha256 == context.Artifact.Sha256))
            {
                return CheckOutcome.NotApplicable($"the {image.Format} is byte for byte the same as in the earlier release");
            }

            var stale = matched.Where(p => p.Match!.Value.Inspection.Rollback!.Value >= counter.Value && p.Match.Value.Artifact.Sha256 != context.Artifact.Sha256).ToList();
            if (stale.Count == 0)
            {
                return CheckOutcome.Pass(string.Join("; ", matched.Where(p => p.Match!.Value.Artifact.Sha256 != context.Artifact.Sha256).Select(p => string.Create(CultureInfo.InvariantCulture,
                    $"{counter.Name} {counter.Value} > {p.Match!.Value.Inspection.Rollback!.Value} in {p.Peer.Target.Name}:{p.Match.Value.Artifact.RelativePath}"))));
            }

            var (peer, match) = stale[0];
            var old = match!.Value.Inspection.Rollback!.Value;
            var reason = old == counter.Value
                ? string.Create(CultureInfo.InvariantCulture, $"the {counter.Name} is {counter.Value} here and also {old} in the earlier release {peer.Target.Name}:{match.Value.Artifact.RelativePath}; a device that accepts this release accepts the earlier one too")
                : string.Create(CultureInfo.InvariantCulture, $"the {counter.Name} went down from {old} in {peer.Target.Name}:{match.Value.Artifact.RelativePath} to {counter.Value}; the earlier release can replace this one");
            return CheckOutcome.Fail(reason, [UpdateEvidence.Describe(image, reason), UpdateEvidence.Describe(match.Value.Inspection, $"the earlier release's image: {counter.Name} {old}")],
                string.Create(CultureInfo.InvariantCulture, $"rollback:{counter.Name}:{old}->{counter.Value}"));
        }

        private static (Artifact Artifact, UpdateInspection Inspection)? Match(
            Artifact artifact, UpdateInspection image, IReadOnlyList<(Artifact Artifact, UpdateInspection Inspection)> candidates, bool onlyOneHere)
        {
            var sameKind = candidates.Where(c => SameKind(c.Inspection, image)).ToList();
            var samePath = sameKind.Where(c => c.Artifact.RelativePath == artifact.RelativePath).ToList();
            return samePath.Count == 1 ? samePath[0] : sameKind.Count == 1 && onlyOneHere ? sameKind[0] : null;
        }

        private static bool SameKind(UpdateInspection a, UpdateInspection b) =>
            a.Format == b.Format && a.Rollback?.Name == b.Rollback?.Name;
    }
}

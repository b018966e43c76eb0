using System.Runtime.CompilerServices;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Update.Inspection;
using ComplianceAuditor.Update.Trust;

namespace ComplianceAuditor.Checks.Update.Reading;

/// <summary>
/// The update images of an earlier release (<c>--previous</c>), read once per release however many images of the
/// audited target ask for them. Only readable, well-formed images with an anti-rollback value are kept.
/// </summary>
internal static class PeerImages
{
    private static readonly ConditionalWeakTable<TargetInventory, Lazy<IReadOnlyList<(Artifact Artifact, UpdateInspection Inspection)>>> Cache = [];

    public static IReadOnlyList<(Artifact Artifact, UpdateInspection Inspection)> Of(TargetInventory peer, IReadOnlyList<IUpdateFormat> formats, CancellationToken cancellationToken) =>
        Cache.GetValue(peer, p => new Lazy<IReadOnlyList<(Artifact, UpdateInspection)>>(() => Read(p, formats, cancellationToken))).Value;

    private static List<(Artifact, UpdateInspection)> Read(TargetInventory peer, IReadOnlyList<IUpdateFormat> formats, CancellationToken cancellationToken)
    {
        var images = new List<(Artifact, UpdateInspection)>();
        foreach (var artifact in peer.Artifacts.Where(a => a.Kind is ArtifactKind.Binary or ArtifactKind.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (UpdateImageReader.Read(artifact, formats, TrustAnchors.Empty).Inspection is { Problem: null, Rollback: not null } inspection)
            {
                images.Add((artifact, inspection));
            }
        }

        return images;
    }
}

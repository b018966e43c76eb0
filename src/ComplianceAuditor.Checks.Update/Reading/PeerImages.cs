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
    private static readonly ConditionalWeakTable<TargetInventory, IReadOnlyList<(Artifact Artifact, UpdateInspection Inspection)>> Cache = [];

    /// <remarks>
    /// Only a finished read is kept: a read cancelled by one rule's time limit must not leave its cancellation behind
    /// for the next image. Two images asking at once may both read the release; the first result is kept.
    /// </remarks>
    public static IReadOnlyList<(Artifact Artifact, UpdateInspection Inspection)> Of(TargetInventory peer, IReadOnlyList<IUpdateFormat> formats, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(peer, out var images))
        {
            return images;
        }

        var read = Read(peer, formats, cancellationToken);
        return Cache.TryAdd(peer, read) ? read : Cache.TryGetValue(peer, out var first) ? first : read;
    }

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

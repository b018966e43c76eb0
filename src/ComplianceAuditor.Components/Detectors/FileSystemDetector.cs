using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Reading;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// File systems and archives found inside an image (a squashfs root file system, a cpio initramfs). They carry no
/// version, but they are where the other components live: the SBOM's dependency tree nests those under them.
/// </summary>
internal sealed class FileSystemDetector : IComponentDetector
{
    private static readonly string[] Formats =
        ["cpio", "cramfs", "jffs2", "romfs", "squashfs", "squashfs-legacy", "tar", "ubi", "ubifs", "yaffs2", "zip", "7z"];

    public string Name => "container";

    public bool Wants(Artifact artifact) => artifact.Container is { } container && !artifact.IsTargetRoot && Formats.Contains(container.Format);

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        var container = artifact.Container!;
        yield return new FoundComponent
        {
            Type = "file",
            Name = ArtifactNames.FileName(artifact),
            IsWholeArtifact = true,
            Path = artifact.Path,
            Sha256 = artifact.Sha256.Length > 0 ? artifact.Sha256 : null,
            Technique = "other",
            Evidence = $"{container.Format} container, {container.Status}: {container.Description}",
            Confidence = 1.0,
        };
    }
}

using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Reading;
using ComplianceAuditor.Update.Mcuboot;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// An MCUboot image, through the update project's header parser: the header's version (major.minor.revision and
/// build number) is the image's own version. The image has no name inside, so its file name stands for it.
/// </summary>
internal sealed class McubootDetector : IComponentDetector
{
    public string Name => "mcuboot-header";

    public bool Wants(Artifact artifact) => artifact.Kind == ArtifactKind.Binary && artifact.Content is not null && artifact.Size >= McubootHeader.Size;

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        if (McubootHeader.TryRead(BoundedRead.Head(artifact, McubootHeader.Size)) is not { } header)
        {
            yield break;
        }

        var version = header.BuildNumber == 0 ? header.Version : string.Create(CultureInfo.InvariantCulture, $"{header.Version}+{header.BuildNumber}");
        yield return new FoundComponent
        {
            Type = "firmware",
            Name = ArtifactNames.FileName(artifact),
            Version = version,
            IsWholeArtifact = true,
            Path = artifact.Path,
            Sha256 = artifact.Sha256,
            Technique = "binary-analysis",
            Evidence = string.Create(CultureInfo.InvariantCulture, $"MCUboot image header: version {version}, load address 0x{header.LoadAddress:x}, image size {header.ImageSize}"),
            Confidence = 0.9,
        };
    }
}

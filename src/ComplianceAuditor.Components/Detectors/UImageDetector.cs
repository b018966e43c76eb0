using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Reading;
using ComplianceAuditor.Formats.UImage;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// U-Boot legacy images, through the format project's header parser (magic and header CRC checked). A Linux kernel
/// image whose name carries a version ("CAM-200 Linux-4.14.0") is the kernel; any other image is a firmware component
/// under its header name.
/// </summary>
internal sealed partial class UImageDetector : IComponentDetector
{
    /// <summary>Padding an image file may carry after its data (alignment to a flash page or erase block).</summary>
    private const long AlignmentSlack = 4096;

    public string Name => "uimage-header";

    public bool Wants(Artifact artifact) => artifact.Kind == ArtifactKind.Binary && artifact.Content is not null && artifact.Size >= UImageHeader.Size;

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        if (UImageHeader.TryParse(BoundedRead.Head(artifact, UImageHeader.Size)) is not { } header || header.Name.Length == 0)
        {
            yield break;
        }

        // A flash dump that merely starts with the kernel's uImage is not the kernel: the inventory carves the image
        // out as an artifact of its own, which is found instead.
        if (artifact.Size > UImageHeader.Size + (long)header.DataSize + AlignmentSlack)
        {
            yield break;
        }

        var evidence = $"uImage header: name \"{header.Name}\", os {header.OsName}, type {header.ImageTypeName}";
        var kernel = header.OsName == "linux" && header.ImageTypeName is "kernel" or "kernel_noload"
            ? KernelVersion().Match(header.Name)
            : null;
        yield return kernel is { Success: true }
            // The name is free text the builder chose; the kernel's own banner, where found, is stronger.
            ? LinuxKernel.Found(artifact, kernel.Groups["v"].Value, "binary-analysis", evidence, 0.6, isWholeFile: true)
            : new FoundComponent
            {
                Type = "firmware",
                Name = header.Name,
                IsWholeArtifact = true,
                Path = artifact.Path,
                Sha256 = artifact.Sha256,
                Technique = "binary-analysis",
                Evidence = evidence,
                Confidence = 0.5,
            };
    }

    [GeneratedRegex(@"(?i)linux[-_ ]?v?(?<v>" + LinuxKernel.Release + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex KernelVersion();
}

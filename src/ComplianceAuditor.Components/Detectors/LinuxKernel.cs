using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// What the detectors that find the Linux kernel (its banner, its module folder, its uImage) share: the pattern of a
/// kernel release and the component they report, so the sightings agree and merge.
/// </summary>
internal static class LinuxKernel
{
    /// <summary>
    /// A kernel release: major.minor with up to two more parts. Old vendor kernels have four (2.6.36.4, then a local
    /// suffix such as "brcmarm"); cutting at three would name a different kernel.
    /// </summary>
    public const string Release = @"\d\.\d{1,2}(\.\d{1,3}){0,2}";

    /// <summary>
    /// The kernel component seen in <paramref name="artifact"/>. <paramref name="isWholeFile"/> says the file is the
    /// kernel (a kernel uImage), so its hash identifies it; a banner or a folder name only shows the kernel is there.
    /// </summary>
    public static FoundComponent Found(Artifact artifact, string version, string technique, string evidence, double confidence, bool isWholeFile = false) => new()
    {
        Type = "operating-system",
        Name = "linux",
        Version = version,
        Purl = PurlKind.Generic,
        Product = "linux",
        IsWholeArtifact = isWholeFile,
        Path = artifact.Path,
        Sha256 = isWholeFile ? artifact.Sha256 : null,
        Technique = technique,
        Evidence = evidence,
        Confidence = confidence,
    };
}

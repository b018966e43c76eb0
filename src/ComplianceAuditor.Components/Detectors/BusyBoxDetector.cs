using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Reading;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// BusyBox, from the banner every build carries ("BusyBox v1.36.1 (2023-05-04 10:21:32 UTC)"). The applets are links
/// to the one program, so it is found once, in the file that holds the banner.
/// </summary>
internal sealed partial class BusyBoxDetector : IComponentDetector
{
    private static readonly Regex[] Patterns = [BannerPattern()];

    /// <summary>
    /// The banner is the program only in a file named as it (busybox, busybox.nosuid); a program that merely carries
    /// the string, or a firmware image searched whole, is not BusyBox and must not lend it its hash.
    /// </summary>
    private static readonly Banner Itself = new("busybox", "busybox", "application", Patterns[0], "^busybox");

    public string Name => "busybox-banner";

    public bool Wants(Artifact artifact) => artifact.Kind == ArtifactKind.Elf && ArtifactNames.IsScannable(artifact);

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        var itself = Itself.IsItself(ArtifactNames.FileName(artifact));
        foreach (var (_, match, offset) in BannerScan.FirstMatches(artifact, Patterns, notes, cancellationToken))
        {
            yield return new FoundComponent
            {
                Type = "application",
                Name = "busybox",
                Version = match.Groups["v"].Value,
                Purl = PurlKind.Generic,
                Product = "busybox",
                IsWholeArtifact = itself,
                Path = artifact.Path,
                Sha256 = itself ? artifact.Sha256 : null,
                Technique = "binary-analysis",
                Evidence = BannerScan.Evidence(match, offset),
                Confidence = itself ? 0.95 : 0.7,
            };
        }
    }

    [GeneratedRegex(@"BusyBox v(?<v>\d+\.\d+(\.\d+)?(\.git)?)[ -]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex BannerPattern();
}

using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Reading;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>Well-known libraries and programs found by the version strings compiled into ELF files (<see cref="Banners"/>).</summary>
internal sealed class BannerDetector : IComponentDetector
{
    private static readonly System.Text.RegularExpressions.Regex[] Patterns = [.. Banners.All.Select(b => b.Pattern)];

    public string Name => "elf-banner";

    public bool Wants(Artifact artifact) => artifact.Kind == ArtifactKind.Elf && ArtifactNames.IsScannable(artifact);

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        var fileName = ArtifactNames.FileName(artifact);
        foreach (var (index, match, offset) in BannerScan.FirstMatches(artifact, Patterns, notes, cancellationToken))
        {
            var banner = Banners.All[index];
            var itself = banner.IsItself(fileName);
            yield return new FoundComponent
            {
                Type = banner.Type,
                Name = banner.Name,
                Version = match.Groups["v"].Value,
                Purl = PurlKind.Generic,
                Product = banner.Product,
                IsWholeArtifact = itself,
                Path = artifact.Path,
                Sha256 = artifact.Sha256,
                Technique = "binary-analysis",
                Evidence = BannerScan.Evidence(match, offset),
                // A banner in a file named as the product is the product; in another program it may be a copy of the string.
                Confidence = itself ? 0.9 : 0.7,
            };
        }
    }
}

using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Identity;
using ComplianceAuditor.Components.Reading;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>Debian-family installed packages from <c>/var/lib/dpkg/status</c>, as <c>pkg:deb/debian/...</c> purls.</summary>
internal sealed class DpkgDetector : IComponentDetector
{
    private const int MaxBytes = 16 * 1024 * 1024;

    public string Name => "dpkg-status";

    public bool Wants(Artifact artifact) => ArtifactNames.IsFileAt(artifact, "var/lib/dpkg/status");

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        var data = ControlStanzas.Read(artifact, MaxBytes);
        if (data.Truncated)
        {
            notes.Add(data.NoteFor(artifact));
        }

        foreach (var stanza in data.Stanzas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!stanza.TryGetValue("Package", out var package) || package.Length == 0
                || !stanza.TryGetValue("Status", out var status) || !status.EndsWith(" installed", StringComparison.Ordinal))
            {
                continue;
            }

            var version = stanza.GetValueOrDefault("Version");
            var arch = stanza.GetValueOrDefault("Architecture") ?? "";
            yield return new FoundComponent
            {
                Type = "library",
                Name = package,
                Version = version,
                Supplier = stanza.GetValueOrDefault("Maintainer"),
                Purl = new PurlKind("deb", "debian", [new("arch", arch)]),
                Product = PackageProducts.Of(package),
                CpeVersion = PackageVersion.Upstream(version),
                Path = artifact.Path,
                Technique = "manifest-analysis",
                Evidence = $"Package: {package}, Version: {version}, Status: {status}",
                Confidence = 1.0,
            };
        }
    }
}

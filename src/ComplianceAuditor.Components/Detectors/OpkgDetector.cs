using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Identity;
using ComplianceAuditor.Components.Reading;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// OpenWrt's installed packages: <c>/usr/lib/opkg/status</c> and the per-package <c>/usr/lib/opkg/info/*.control</c>
/// files (which also carry License and Maintainer). A package seen in both merges into one component.
/// </summary>
internal sealed class OpkgDetector : IComponentDetector
{
    private const int MaxBytes = 8 * 1024 * 1024;

    private const string InfoFolder = "usr/lib/opkg/info/";

    public string Name => "opkg-status";

    public bool Wants(Artifact artifact) =>
        ArtifactNames.IsFileAt(artifact, "usr/lib/opkg/status", "var/lib/opkg/status")
        || (artifact.RelativePath.StartsWith(InfoFolder, StringComparison.Ordinal)
            && artifact.RelativePath.EndsWith(".control", StringComparison.Ordinal)
            && ArtifactNames.IsFileAt(artifact, artifact.RelativePath));

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        var isStatus = !artifact.RelativePath.EndsWith(".control", StringComparison.Ordinal);
        var data = ControlStanzas.Read(artifact, MaxBytes);
        if (data.Truncated)
        {
            notes.Add(data.NoteFor(artifact));
        }

        foreach (var stanza in data.Stanzas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!stanza.TryGetValue("Package", out var package) || package.Length == 0)
            {
                continue;
            }

            // A status file also remembers packages that were removed or never unpacked.
            if (isStatus && stanza.TryGetValue("Status", out var status) && !status.EndsWith(" installed", StringComparison.Ordinal))
            {
                continue;
            }

            var version = stanza.GetValueOrDefault("Version");
            yield return new FoundComponent
            {
                Type = "library",
                Name = package,
                Version = version,
                Supplier = stanza.GetValueOrDefault("Maintainer"),
                License = stanza.GetValueOrDefault("License"),
                Purl = new PurlKind("generic", Qualifiers: Architecture(stanza)),
                Product = PackageProducts.Of(package),
                CpeVersion = PackageVersion.Upstream(version),
                Path = artifact.Path,
                Technique = "manifest-analysis",
                Evidence = $"Package: {package}, Version: {version}",
                Confidence = 1.0,
            };
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Architecture(IReadOnlyDictionary<string, string> stanza) =>
        stanza.TryGetValue("Architecture", out var arch) && arch.Length > 0 ? [new("arch", arch)] : [];
}

using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Components.Reading;

namespace ComplianceAuditor.Components.Detectors;

/// <summary>
/// The operating system a root file system says it is: <c>/etc/os-release</c> (NAME, ID, VERSION_ID), or OpenWrt's
/// <c>/etc/openwrt_release</c> (DISTRIB_ID, DISTRIB_RELEASE). Both name the same system on OpenWrt and merge into one.
/// </summary>
internal sealed class OsReleaseDetector : IComponentDetector
{
    private const int MaxBytes = 16 * 1024;

    public string Name => "os-release";

    public bool Wants(Artifact artifact) => ArtifactNames.IsFileAt(artifact, "etc/os-release", "usr/lib/os-release", "etc/openwrt_release");

    public IEnumerable<FoundComponent> Detect(Artifact artifact, ICollection<string> notes, CancellationToken cancellationToken)
    {
        var values = KeyValueText.Parse(BoundedRead.Text(artifact, MaxBytes));
        var openWrt = artifact.RelativePath.EndsWith("openwrt_release", StringComparison.Ordinal);
        var id = Get(values, openWrt ? "DISTRIB_ID" : "ID");
        var name = openWrt ? id : Get(values, "NAME") ?? id;
        var version = openWrt ? Get(values, "DISTRIB_RELEASE") : Get(values, "VERSION_ID") ?? Get(values, "VERSION");
        if (name is null)
        {
            yield break;
        }

        var key = (id ?? name).ToLowerInvariant();
        yield return new FoundComponent
        {
            Type = "operating-system",
            Name = name,
            Version = version,
            Purl = new PurlKind("generic", Name: key),
            Product = key == "openwrt" ? "openwrt" : null,
            Path = artifact.Path,
            Technique = "manifest-analysis",
            Evidence = openWrt ? $"DISTRIB_ID={id}, DISTRIB_RELEASE={version}" : $"NAME={name}, VERSION_ID={version}",
            Confidence = 0.9,
        };
    }

    private static string? Get(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}

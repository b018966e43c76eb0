using ComplianceAuditor.Components.Identity;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Components;

/// <summary>
/// Turns sightings into report components: sanitises what came from firmware, builds purls and CPEs, merges sightings
/// of the same component (same type, name, version and purl), sorts ordinally, and works out which component holds
/// which from the artifact paths.
/// </summary>
internal static class ComponentMerger
{
    /// <summary>The detector name of the targets' own components; an input holds whatever lies at its path or under it.</summary>
    public const string InputDetector = "input";

    /// <summary>Occurrence paths are cut at this length for display; nested image paths are long, but not this long.</summary>
    private const int MaxPath = 1024;

    public static IReadOnlyList<ComponentEntry> Merge(IReadOnlyList<Sighting> sightings)
    {
        var groups = sightings
            .Select(Normalise)
            .GroupBy(n => (n.Type, n.Name, n.Version ?? "", n.Purl ?? ""))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Item3, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Type, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Item4, StringComparer.Ordinal)
            .Select(g => g.Order(SightingOrder.Instance).ToArray())
            .ToArray();

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var components = groups.Select(g => ToEntry(g, UniqueId(g[0], ids))).ToArray();
        var holders = HolderIndex.Build(components.SelectMany((c, i) => groups[i]
            .Where(n => n.IsWholeArtifact)
            .Select(n => new Holder(n.Path, c.Id, n.Detector == InputDetector))));
        return ContainmentCycles.Break(components
            .Select((c, i) => groups[i].Any(n => n.Detector == InputDetector) ? c : c with { ContainedIn = HoldersOf(c.Id, groups[i], holders) })
            .ToArray());
    }

    private static Normalised Normalise(Sighting sighting)
    {
        var f = sighting.Found;
        var name = VersionText.Name(f.Name);
        var version = VersionText.Version(f.Version);
        var known = f.Product is { } product && KnownProducts.TryGet(product, out var k) ? k : null;
        return new Normalised(
            f.Type,
            name,
            version,
            f.Supplier is { Length: > 0 } supplier ? VersionText.Name(supplier) : known?.Supplier,
            f.Purl is { } kind ? PurlOf(kind, kind.Name ?? f.Name.Trim(), version) : null,
            Cpe.Build(f.Product, f.CpeVersion is null ? version : VersionText.Version(f.CpeVersion)),
            f.License is { Length: > 0 } license ? VersionText.Name(license) : null,
            f.IsWholeArtifact,
            f.Path,
            f.IsWholeArtifact && f.Sha256 is { Length: > 0 } sha ? sha : null,
            new ComponentOccurrence
            {
                // The raw path (above) finds holders; this copy goes into reports and the SBOM's evidence locations,
                // where a bidirectional override in a crafted file name could make a path read as another.
                Path = Core.Text.DisplayText.Sanitize(f.Path, MaxPath),
                Detector = sighting.Detector,
                Technique = f.Technique,
                Evidence = Core.Text.DisplayText.Sanitize(f.Evidence, 300),
                Confidence = f.Confidence,
            },
            sighting.Detector);
    }

    /// <summary>No purl for a name that sanitising had to change: it would identify the escaped text, not the package.</summary>
    private static string? PurlOf(PurlKind kind, string name, string? version) =>
        VersionText.Name(name) == name ? Purl.Build(kind, name, version) : null;

    private static ComponentEntry ToEntry(Normalised[] sightings, string id)
    {
        var first = sightings[0];
        var hashes = sightings.Select(s => s.Sha256).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        return new ComponentEntry
        {
            Id = id,
            Type = first.Type,
            Name = first.Name,
            Version = first.Version,
            Supplier = sightings.Select(s => s.Supplier).FirstOrDefault(s => s is not null),
            Purl = first.Purl,
            Cpe = sightings.Select(s => s.Cpe).FirstOrDefault(c => c is not null),
            Licenses = sightings.Select(s => s.License).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            // Copies with different bytes (two builds of one version) have no single hash.
            Sha256 = hashes.Length == 1 ? hashes[0] : null,
            Occurrences = sightings.Select(s => s.Occurrence).DistinctBy(o => (o.Path, o.Detector)).ToArray(),
        };
    }

    /// <summary>The purl, or type:name@version; a repeat gets a counter, so every id stays unique.</summary>
    private static string UniqueId(Normalised n, HashSet<string> taken)
    {
        var id = n.Purl ?? (n.Version is null ? $"{n.Type}:{n.Name}" : $"{n.Type}:{n.Name}@{n.Version}");
        var candidate = id;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = $"{id}#{i}";
        }

        return candidate;
    }

    /// <summary>
    /// For each place a component was seen, the nearest component that holds that place: the deepest image or file
    /// system whose path leads to it, or, in the same file, the component that is the file (an ESP-IDF application
    /// holds the framework it was built with) and, above that, the input the file is.
    /// </summary>
    private static IReadOnlyList<string> HoldersOf(string id, Normalised[] sightings, HolderIndex holders)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in sightings)
        {
            if (holders.Nearest(s.Path, id, s.IsWholeArtifact) is { } best)
            {
                result.Add(best);
            }
        }

        return [.. result];
    }

    /// <summary>
    /// A total order on one component's sightings: by place and detector, then by every field a merged component takes
    /// from its first sighting (evidence, supplier, CPE). Two sightings of one place by one detector (a package listed
    /// twice) would otherwise merge in the order the artifacts arrived, and the same input could give different bytes.
    /// </summary>
    private sealed class SightingOrder : IComparer<Normalised>
    {
        public static SightingOrder Instance { get; } = new();

        public int Compare(Normalised? x, Normalised? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var byText = new[]
            {
                (x.Path, y.Path), (x.Detector, y.Detector), (x.Occurrence.Technique, y.Occurrence.Technique),
                (x.Occurrence.Evidence, y.Occurrence.Evidence), (x.Supplier, y.Supplier), (x.Cpe, y.Cpe),
                (x.License, y.License), (x.Sha256, y.Sha256),
            }.Select(p => string.CompareOrdinal(p.Item1, p.Item2)).FirstOrDefault(c => c != 0);
            return byText != 0 ? byText
                : x.Occurrence.Confidence.CompareTo(y.Occurrence.Confidence) is var c and not 0 ? c
                : x.IsWholeArtifact.CompareTo(y.IsWholeArtifact);
        }
    }

    private sealed record Normalised(
        string Type, string Name, string? Version, string? Supplier, string? Purl, string? Cpe, string? License,
        bool IsWholeArtifact, string Path, string? Sha256, ComponentOccurrence Occurrence, string Detector);
}

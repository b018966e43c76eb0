using System.Text.Json.Nodes;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Sarif;

/// <summary>
/// Builds the run's <c>artifacts</c> array: every artifact a result points to, plus its containers. A file of a
/// directory target is addressed relative to a base id named after the target; an object inside a container file
/// (<c>fw.img!/etc/shadow</c>) is addressed relative to its container through <c>parentIndex</c>.
/// </summary>
internal sealed class SarifArtifacts
{
    private readonly IReadOnlyList<ArtifactEntry> _artifacts;

    /// <summary>Positions in the report's artifact list, which makes its entries when read: they are made only for the artifacts used.</summary>
    private readonly Dictionary<string, int> _byPath;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly JsonArray _array = [];

    public SarifArtifacts(AuditReport report)
    {
        _artifacts = report.Artifacts;
        _byPath = new Dictionary<string, int>(report.Artifacts.Count, StringComparer.Ordinal);
        var index = 0;
        foreach (var artifact in report.Artifacts)
        {
            _byPath.TryAdd(artifact.Path, index++);
        }
    }

    public JsonArray Array => _array;

    /// <summary>Whether the report lists an artifact at this virtual path.</summary>
    public bool Lists(string path) => _byPath.ContainsKey(path);

    /// <summary>The <c>artifactLocation</c> for a virtual path, adding the artifact (and its containers) on first use.</summary>
    public JsonObject Location(string path)
    {
        var index = IndexOf(path);
        var location = (JsonObject)_array[index]!["location"]!.DeepClone();
        location["index"] = index;
        return location;
    }

    private int IndexOf(string path)
    {
        if (_index.TryGetValue(path, out var existing))
        {
            return existing;
        }

        var artifact = Find(path);
        var parent = artifact?.Parent is { } p && Find(p) is { Kind: not "directory" } pa ? pa : null;
        var parentIndex = parent is null ? (int?)null : IndexOf(parent.Path);

        var location = new JsonObject();
        if (parent is not null)
        {
            location["uri"] = Escape(path[(parent.Path.Length + 2)..]);
        }
        else if (artifact?.History is not null)
        {
            // What a commit added (repo@3f2a9c1d4e5b/config/aws.conf) is shown at the file's place in the repository; the
            // commit goes in the artifact's properties. A target name never holds '/', so the first one ends the commit part.
            location["uri"] = Escape(path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..]);
            location["uriBaseId"] = artifact.Target;
        }
        else
        {
            var target = artifact?.Target ?? path.Split('/')[0];
            // The target itself, and the history standing for it (repo@history), are the folder the base id names.
            var relative = path.Length > target.Length && path[target.Length] == '/' ? path[(target.Length + 1)..]
                : artifact?.Kind == "directory" || path.Length > target.Length ? "." : path;
            location["uri"] = Escape(relative);
            location["uriBaseId"] = target;
        }

        var entry = new JsonObject { ["location"] = location };
        if (parentIndex is not null)
        {
            entry["parentIndex"] = parentIndex;
        }

        if (artifact is not null && artifact.Kind != "directory")
        {
            entry["length"] = artifact.Size;
            if (artifact.Sha256 is not null)
            {
                entry["hashes"] = new JsonObject { ["sha-256"] = artifact.Sha256 };
            }
        }

        if (artifact?.History is { } history)
        {
            entry["properties"] = new JsonObject
            {
                ["commit"] = history.Commit,
                ["author"] = history.Author,
                ["date"] = history.Date,
                ["addedLinesOnly"] = history.AddedLinesOnly,
            };
        }

        _array.Add(entry);
        _index[path] = _array.Count - 1;
        return _array.Count - 1;
    }

    private ArtifactEntry? Find(string path) => _byPath.TryGetValue(path, out var at) ? _artifacts[at] : null;

    /// <summary>Percent-encodes what a URI reference cannot hold literally, keeping the slashes.</summary>
    internal static string Escape(string relative) =>
        string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
}

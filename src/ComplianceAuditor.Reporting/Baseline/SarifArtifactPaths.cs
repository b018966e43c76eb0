using System.Text.Json;

namespace ComplianceAuditor.Reporting.Baseline;

/// <summary>
/// Turns the artifact locations of an earlier <c>report.sarif</c> back into virtual paths (<c>fw.bin!/0x10000.squashfs!/etc/shadow</c>),
/// undoing what the SARIF writer does: a contained artifact is its container's path, <c>!/</c>, and its own URI;
/// an outer one is its URI under the base id that names its target.
/// </summary>
internal sealed class SarifArtifactPaths(IReadOnlyList<BaselineNode> artifacts)
{
    /// <summary>Containers nest a few levels deep (the unpack limit is 8 by default); a longer chain is not ours.</summary>
    public const int MaxChain = 64;

    private readonly Dictionary<int, string?> _paths = [];

    /// <summary>The virtual path of an <c>artifactLocation</c>, or null when it names no artifact.</summary>
    public string? PathOf(BaselineNode location)
    {
        var index = location.Number("index", -1);
        return index is >= 0 ? PathAt(location.Required("index", JsonValueKind.Number), index.Value, 0)
            : TopLevel(location.String("uri"), location.String("uriBaseId"), commit: null);
    }

    private string? PathAt(BaselineNode reference, long index, int depth)
    {
        if (index >= artifacts.Count)
        {
            throw reference.Invalid($"refers to artifact {index}, but the run lists {artifacts.Count}");
        }

        if (depth > MaxChain)
        {
            throw reference.Invalid($"starts a chain of containers deeper than {MaxChain}");
        }

        var at = (int)index;
        if (_paths.TryGetValue(at, out var known))
        {
            return known;
        }

        var artifact = artifacts[at];
        string? path = null;
        if (artifact.Member("location", JsonValueKind.Object) is { } location && location.String("uri") is { } uri)
        {
            if (artifact.Number("parentIndex", -1) is not (>= 0 and var parent))
            {
                path = TopLevel(uri, location.String("uriBaseId"), artifact.Member("properties", JsonValueKind.Object)?.String("commit"));
            }
            else if (PathAt(artifact.Required("parentIndex", JsonValueKind.Number), parent, depth + 1) is { } outer)
            {
                path = $"{outer}!/{Uri.UnescapeDataString(uri)}";
            }
        }

        _paths[at] = path;
        return path;
    }

    /// <param name="commit">Set for content read from a repository's history, whose path names the commit.</param>
    private static string? TopLevel(string? uri, string? baseId, string? commit)
    {
        if (uri is null)
        {
            return null;
        }

        var relative = Uri.UnescapeDataString(uri);
        if (baseId is null)
        {
            return relative;
        }

        if (commit is not null)
        {
            // As ArtifactHistory.ShortCommit abbreviates it in the virtual path (repo@3f2a9c1d4e5b/config/aws.conf).
            return $"{baseId}@{(commit.Length > 12 ? commit[..12] : commit)}/{relative}";
        }

        // "." is the target folder itself; a firmware file is its own name under the folder that holds it.
        return relative == "." || relative == baseId ? baseId : $"{baseId}/{relative}";
    }
}

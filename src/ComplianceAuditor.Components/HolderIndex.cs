namespace ComplianceAuditor.Components;

/// <summary>A place a component occupies whole (an image, a program, an input), where others can lie.</summary>
internal sealed record Holder(string Path, string Id, bool IsInput);

/// <summary>
/// The holders by path, so finding what holds a place costs a walk up that place's path (one lookup per <c>/</c> or
/// <c>!/</c> boundary) instead of a pass over every holder: an image of 40,000 files would otherwise take minutes.
/// </summary>
internal sealed class HolderIndex
{
    private readonly Dictionary<string, Holder[]> byPath;

    private readonly Dictionary<string, Holder[]>.AlternateLookup<ReadOnlySpan<char>> bySpan;

    private HolderIndex(Dictionary<string, Holder[]> byPath)
    {
        this.byPath = byPath;
        bySpan = byPath.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Groups the holders by path. At one path the order is the tie-break: a component found in the file before the
    /// input the file is (the input sits above it), then by id, ordinally.
    /// </summary>
    public static HolderIndex Build(IEnumerable<Holder> holders) =>
        new(holders
            .Distinct()
            .GroupBy(h => h.Path, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(h => h.IsInput).ThenBy(h => h.Id, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal));

    /// <summary>
    /// The id of the nearest holder of <paramref name="path"/> other than <paramref name="self"/>: one at the same path
    /// (only an input holds a component that is the whole file too), else the one at the longest path that leads to it.
    /// </summary>
    public string? Nearest(string path, string self, bool isWholeArtifact)
    {
        if (byPath.TryGetValue(path, out var here) && First(here, self, inputOnly: isWholeArtifact) is { } same)
        {
            return same;
        }

        // Deepest first: a boundary at k makes path[..k] a folder or container of the path, if something is left after it.
        for (var k = path.Length - 2; k >= 0; k--)
        {
            var boundary = path[k] == '/' || (path[k] == '!' && path[k + 1] == '/');
            if (boundary && bySpan.TryGetValue(path.AsSpan(0, k), out var above) && First(above, self, inputOnly: false) is { } held)
            {
                return held;
            }
        }

        return null;
    }

    private static string? First(Holder[] holders, string self, bool inputOnly)
    {
        foreach (var h in holders)
        {
            if (h.Id != self && (h.IsInput || !inputOnly))
            {
                return h.Id;
            }
        }

        return null;
    }
}

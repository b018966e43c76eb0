using System.Globalization;

namespace ComplianceAuditor.Inventory;

/// <summary>Virtual paths handed out once each: a repeated name gets <c>#2</c>, <c>#3</c>... so every artifact has its own.</summary>
internal sealed class UniquePaths(IEnumerable<string> taken)
{
    private readonly HashSet<string> _paths = new(taken, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    /// <summary>
    /// The path itself, or with <c>#2</c>, <c>#3</c>... when a container repeats a name. The next suffix is kept per
    /// name, so an archive of 100 000 entries with one name costs one lookup each, not a count from 2 each time.
    /// </summary>
    public string Unique(string path)
    {
        if (_paths.Add(path))
        {
            return path;
        }

        var next = _nextSuffix.GetValueOrDefault(path, 2);
        string candidate;
        do
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{path}#{next++}");
        }
        while (!_paths.Add(candidate));

        _nextSuffix[path] = next;
        return candidate;
    }
}

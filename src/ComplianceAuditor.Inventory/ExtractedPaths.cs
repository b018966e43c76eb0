namespace ComplianceAuditor.Inventory;

/// <summary>
/// Unique virtual paths for what containers hold, without keeping every path of the target. Entries of one container
/// are told apart by a set for that container alone. A path from one container can only equal a path from another
/// when some name holds the <c>!/</c> separator itself: an entry called <c>x!/y</c> beside a container <c>x</c> holding
/// <c>y</c>. So the target-wide set keeps only paths whose own name holds the separator, and every path beneath a
/// container whose path is in that set (the entry <c>x!/y</c> may itself be a container, opened before or after
/// <c>x</c>). Ordinary trees keep nothing target-wide; hostile names cost what they add.
/// </summary>
internal sealed class ExtractedPaths
{
    private const string Separator = "!/";

    private readonly HashSet<string> _withSeparator;

    public ExtractedPaths(IEnumerable<string> existing)
    {
        _withSeparator = new HashSet<string>(existing.Where(p => p.Contains(Separator, StringComparison.Ordinal)), StringComparer.Ordinal);
    }

    /// <summary>How many paths are kept for the whole target (for tests: few, whatever the number of entries).</summary>
    public int Kept => _withSeparator.Count;

    /// <summary>The paths of one container's entries (or of one blob's carved images).</summary>
    public Scope In(string containerPath) => new(this, containerPath);

    public sealed class Scope
    {
        private readonly ExtractedPaths _owner;
        private readonly string _prefix;
        private readonly UniquePaths _names = new([]);

        /// <summary>Whether every path of this container is kept target-wide: it lies under a path kept there.</summary>
        private readonly bool _keepAll;

        internal Scope(ExtractedPaths owner, string containerPath)
        {
            _owner = owner;
            _prefix = containerPath + Separator;
            _keepAll = owner._withSeparator.Contains(containerPath) || KeptAbove(owner, containerPath);
        }

        /// <summary>The entry's virtual path: the container's, the separator and its name, with <c>#2</c>... when taken.</summary>
        public string Unique(string name)
        {
            var path = _names.Unique(_prefix + name);
            while (_owner._withSeparator.Contains(path))
            {
                path = _names.Unique(path);
            }

            if (_keepAll || path.AsSpan(_prefix.Length).Contains(Separator, StringComparison.Ordinal))
            {
                _owner._withSeparator.Add(path);
            }

            return path;
        }

        /// <summary>Whether a container above this one, a prefix of its path ending before a separator, is kept.</summary>
        private static bool KeptAbove(ExtractedPaths owner, string containerPath)
        {
            for (var at = containerPath.IndexOf(Separator, StringComparison.Ordinal); at > 0; at = containerPath.IndexOf(Separator, at + 1, StringComparison.Ordinal))
            {
                if (owner._withSeparator.Contains(containerPath[..at]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

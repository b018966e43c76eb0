using System.Globalization;
using ComplianceAuditor.Update.Configuration.Parsing;
using ComplianceAuditor.Update.Configuration.Views;

namespace ComplianceAuditor.Update.Configuration.Scanning;

/// <summary>
/// The view as the detectors use it: sorted paths with prefix lookups, bounded cached text reads, the problems met,
/// and the files a detector parsed with its own reader (the generic sweep leaves those alone).
/// </summary>
internal sealed class ScanContext
{
    /// <summary>Largest part of one file read; configuration and scripts are far smaller.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Total bytes one scan reads, so a root full of large "config" files cannot exhaust memory or time.</summary>
    public const long MaxTotalBytes = 96L << 20;

    public const int MaxPaths = 500_000;

    private readonly IFileView view;
    private readonly string[] paths;
    private readonly HashSet<string> pathSet;
    private readonly Dictionary<string, TextFile?> cache = new(StringComparer.Ordinal);
    private readonly List<string> problems = [];
    private readonly HashSet<string> parsed = new(StringComparer.Ordinal);
    private long bytesRead;
    private AutomationIndex? automation;

    public ScanContext(IFileView view)
    {
        this.view = view;
        var unique = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in view.Paths)
        {
            if (unique.Count == MaxPaths)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"more than {MaxPaths} files; the rest were not scanned"));
                break;
            }

            if (path is { Length: > 1 and <= 4096 } && path[0] == '/')
            {
                unique.Add(path);
            }
        }

        paths = [.. unique.Order(StringComparer.Ordinal)];
        pathSet = unique;
    }

    public IReadOnlyList<string> Problems => problems;

    public IReadOnlyCollection<string> ParsedFiles => parsed;

    public AutomationIndex Automation => automation ??= AutomationIndex.Build(this);

    public bool Exists(string path) => pathSet.Contains(path);

    /// <summary>The path alone when the file exists, nothing otherwise: for building evidence lists.</summary>
    public IEnumerable<string> IfExists(string path)
    {
        if (Exists(path))
        {
            yield return path;
        }
    }

    /// <summary>Every file below <paramref name="directory"/> (any depth), in path order.</summary>
    public IEnumerable<string> Under(string directory)
    {
        var prefix = directory.EndsWith('/') ? directory : directory + "/";
        var index = Array.BinarySearch(paths, prefix, StringComparer.Ordinal);
        for (var i = index < 0 ? ~index : index; i < paths.Length && paths[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return paths[i];
        }
    }

    /// <summary>The files directly in <paramref name="directory"/> whose name ends with <paramref name="suffix"/>.</summary>
    public IEnumerable<string> FilesIn(string directory, string suffix = "")
    {
        var prefixLength = directory.TrimEnd('/').Length + 1;
        return Under(directory).Where(p => p.IndexOf('/', prefixLength) < 0 && p.EndsWith(suffix, StringComparison.Ordinal));
    }

    /// <summary>The file as text, or null when absent, binary or past the scan's read budget.</summary>
    public TextFile? Text(string path)
    {
        if (cache.TryGetValue(path, out var cached))
        {
            return cached;
        }

        TextFile? text = null;
        if (Exists(path) && bytesRead < MaxTotalBytes)
        {
            var bytes = view.Read(path, MaxFileBytes + 1);
            if (bytes is not null)
            {
                var cut = bytes.Length > MaxFileBytes;
                bytesRead += bytes.Length;
                text = TextFile.FromBytes(path, cut ? bytes.AsSpan(0, MaxFileBytes) : bytes, cut);
                if (text is { Truncated: true })
                {
                    Problem($"{path}: only the first {MaxFileBytes} bytes or {TextFile.MaxLines} lines were read");
                }
            }
        }
        else if (Exists(path))
        {
            Problem($"{path}: not read, the scan's read budget of {MaxTotalBytes} bytes was used up");
        }

        cache[path] = text;
        return text;
    }

    /// <summary>The raw bytes of a small file (a key), or null; counted in the read budget.</summary>
    public byte[]? Bytes(string path, int maxBytes)
    {
        if (!Exists(path) || bytesRead >= MaxTotalBytes)
        {
            return null;
        }

        var bytes = view.Read(path, maxBytes);
        bytesRead += bytes?.Length ?? 0;
        return bytes;
    }

    /// <summary>Marks a file as parsed by a detector's own reader, and returns its text.</summary>
    public TextFile? Parse(string path)
    {
        var text = Text(path);
        if (text is not null)
        {
            parsed.Add(path);
        }

        return text;
    }

    public void Problem(string problem)
    {
        if (problems.Count < 1_000)
        {
            problems.Add(problem);
        }
    }
}

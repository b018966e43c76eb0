using System.Text;

namespace ComplianceAuditor.Update.Configuration.Views;

/// <summary>
/// A root file system held in memory: tests build one per case, and callers that already hold the files (an unpacked
/// archive, a handful of configuration files) avoid touching the disk.
/// </summary>
public sealed class InMemoryFileView : IFileView
{
    private readonly SortedDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public IEnumerable<string> Paths => files.Keys;

    /// <summary>Adds (or replaces) a file; <paramref name="path"/> must start with '/'.</summary>
    public InMemoryFileView Add(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        files[Rooted(path)] = content;
        return this;
    }

    /// <summary>Adds (or replaces) a text file, UTF-8 encoded.</summary>
    public InMemoryFileView Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text ?? string.Empty));

    public byte[]? Read(string path, int maxBytes)
    {
        if (path is null || maxBytes < 0 || !files.TryGetValue(path, out var content))
        {
            return null;
        }

        // A copy, so a reader can never change what the next reader sees.
        return content.AsSpan(0, Math.Min(content.Length, maxBytes)).ToArray();
    }

    private static string Rooted(string path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.EndsWith('/'))
        {
            throw new ArgumentException($"'{path}' is not a '/'-rooted file path", nameof(path));
        }

        return path;
    }
}

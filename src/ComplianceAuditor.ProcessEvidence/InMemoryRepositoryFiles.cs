using System.Text;

namespace ComplianceAuditor.ProcessEvidence;

/// <summary>An <see cref="IRepositoryFiles"/> held in memory, for tests and for callers that already hold file text.</summary>
public sealed class InMemoryRepositoryFiles : IRepositoryFiles
{
    private readonly SortedDictionary<string, string> files = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IEnumerable<string> Paths => files.Keys;

    /// <summary>Adds or replaces a file; a path without a leading '/' gets one.</summary>
    public InMemoryRepositoryFiles Add(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        files[path.StartsWith('/') ? path : "/" + path] = text;
        return this;
    }

    /// <inheritdoc />
    public string? ReadText(string path, int maxBytes)
    {
        if (path is null || maxBytes <= 0 || !files.TryGetValue(path, out var text))
        {
            return null;
        }

        // Mimic a bounded read from disk: cut at the byte limit, not the character count.
        var bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length <= maxBytes ? text : Encoding.UTF8.GetString(bytes, 0, maxBytes);
    }
}

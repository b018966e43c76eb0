namespace ComplianceAuditor.Unpacking;

/// <summary>
/// Turns the path a container stores into a safe relative path, or says why it is refused. Extracted files never
/// take their names from the container on disk (see <see cref="IExtractionSink"/>), but the virtual path still must
/// not climb out of its container or pretend to be absolute, or findings would point at places that do not exist.
/// </summary>
public static class EntryPaths
{
    public const int MaxPathLength = 4096;

    /// <summary>The refusal for a path that names the container itself ("./"), which archives store as an ordinary entry.</summary>
    internal const string RootRefusal = "the path names the container's root";

    /// <summary>The normalised relative path (forward slashes, no empty or "." segments), or null with the reason.</summary>
    public static (string? Path, string? Refusal) Normalize(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Length > MaxPathLength)
        {
            return (null, $"the path is longer than {MaxPathLength} characters");
        }

        if (stored.Contains('\0', StringComparison.Ordinal))
        {
            return (null, "the path contains a NUL character");
        }

        var unified = stored.Replace('\\', '/');
        if (unified.StartsWith('/') || (unified.Length >= 2 && unified[1] == ':' && char.IsAsciiLetter(unified[0])))
        {
            // "./x" is the usual relative form in tar and cpio and stays; "/x" and "C:x" are absolute and do not.
            return (null, "the path is absolute");
        }

        var segments = unified.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        if (segments.Take(segments.Length - 1).Any(s => s.EndsWith('!')))
        {
            // "a!/b" would read as a step into a container named "a" in the virtual path, which it is not.
            return (null, "the path contains '!/', which marks a step into a container in virtual paths");
        }

        if (segments.Contains(".."))
        {
            return (null, "the path has a '..' component");
        }

        return segments.Length == 0 ? (null, RootRefusal) : (string.Join('/', segments), null);
    }
}

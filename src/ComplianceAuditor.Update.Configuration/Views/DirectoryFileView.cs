namespace ComplianceAuditor.Update.Configuration.Views;

/// <summary>
/// A root file system unpacked into a directory on disk. Links are neither listed nor read: an unpacked firmware
/// is full of absolute links (<c>/etc/opkg.conf -&gt; /rom/etc/opkg.conf</c>) that would otherwise point into the
/// host, and link loops would never end. At most <see cref="MaxFiles"/> files are listed.
/// </summary>
public sealed class DirectoryFileView : IFileView
{
    /// <summary>More files than any device root file system holds; bounds a hostile or mistaken root.</summary>
    public const int MaxFiles = 500_000;

    private readonly string root;
    private readonly Lazy<IReadOnlyList<string>> paths;

    public DirectoryFileView(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        this.root = Path.GetFullPath(root);
        paths = new Lazy<IReadOnlyList<string>>(List);
    }

    public IEnumerable<string> Paths => paths.Value;

    /// <summary>True when the directory held more than <see cref="MaxFiles"/> files and the rest were not listed.</summary>
    public bool Truncated { get; private set; }

    public byte[]? Read(string path, int maxBytes)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || maxBytes < 0 || path.Contains("/../", StringComparison.Ordinal)
            || path.EndsWith("/..", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var full = Path.GetFullPath(Path.Join(root, path));
            var info = new FileInfo(full);
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !info.Exists || info.LinkTarget is not null)
            {
                return null;
            }

            // Device nodes and FIFOs of an unpacked root report length 0, and opening a FIFO blocks: never open those.
            if (info.Length == 0)
            {
                return [];
            }

            using var stream = info.OpenRead();
            var buffer = new byte[(int)Math.Min(maxBytes, info.Length)];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return read == buffer.Length ? buffer : buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private string[] List()
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            ReturnSpecialDirectories = false,
        };
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", options))
        {
            if (found.Count == MaxFiles)
            {
                Truncated = true;
                break;
            }

            found.Add("/" + Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'));
        }

        found.Sort(StringComparer.Ordinal);
        return [.. found];
    }
}

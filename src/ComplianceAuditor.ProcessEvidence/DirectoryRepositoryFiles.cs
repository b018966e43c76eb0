using System.IO.Enumeration;
using System.Text;

namespace ComplianceAuditor.ProcessEvidence;

/// <summary>
/// An <see cref="IRepositoryFiles"/> over a checked-out working tree on disk. Read-only; skips the .git folder and symbolic links
/// (a link could point outside the tree), and lists at most <c>maxFiles</c> files.
/// </summary>
public sealed class DirectoryRepositoryFiles : IRepositoryFiles
{
    private readonly string root;
    private readonly int maxFiles;

    public DirectoryRepositoryFiles(string root, int maxFiles = 200_000)
    {
        ArgumentNullException.ThrowIfNull(root);
        this.root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        this.maxFiles = Math.Max(0, maxFiles);
    }

    /// <inheritdoc />
    public IEnumerable<string> Paths
    {
        get
        {
            var options = new EnumerationOptions
            {
                // Dot-folders such as .github count as hidden on Unix; they must be listed.
                RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 64, AttributesToSkip = 0,
            };
            var list = new List<string>();
            try
            {
                // The enumerable opens the root in its constructor, so a missing root throws here and is caught below.
                var entries = new FileSystemEnumerable<string>(root, (ref FileSystemEntry e) => e.ToFullPath(), options)
                {
                    ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0,
                    ShouldRecursePredicate = (ref FileSystemEntry e) =>
                        (e.Attributes & FileAttributes.ReparsePoint) == 0 && !e.FileName.Equals(".git", StringComparison.Ordinal),
                };
                foreach (var full in entries)
                {
                    if (list.Count >= maxFiles)
                    {
                        break;
                    }

                    list.Add(full[root.Length..].Replace(Path.DirectorySeparatorChar, '/'));
                }
            }
            catch (IOException)
            {
                // A folder vanished or failed mid-walk: what was listed so far is still valid.
            }
            catch (UnauthorizedAccessException)
            {
                // Same as above: keep the partial listing rather than fail the whole audit.
            }

            list.Sort(StringComparer.Ordinal);
            return list;
        }
    }

    /// <inheritdoc />
    public string? ReadText(string path, int maxBytes)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/') || maxBytes <= 0)
        {
            return null;
        }

        try
        {
            var full = Path.GetFullPath(root + path.Replace('/', Path.DirectorySeparatorChar));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || PassesThroughLink(full))
            {
                return null;
            }

            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new byte[(int)Math.Min(maxBytes, stream.Length)];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            // Characters the file system rejects in a path.
            return null;
        }
    }

    /// <summary>True when the file or any folder between it and the root is a link, which could lead outside the tree.</summary>
    private bool PassesThroughLink(string full)
    {
        for (var current = full; current.Length > root.Length; current = Path.GetDirectoryName(current) ?? root)
        {
            if ((File.GetAttributes(current) & FileAttributes.ReparsePoint) != 0)
            {
                return true;
            }
        }

        return false;
    }
}

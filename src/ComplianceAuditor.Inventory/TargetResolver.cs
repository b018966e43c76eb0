using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// Decides what a command-line target is: a file is firmware, a directory holding <c>.git</c> (or a bare repository) is a repository,
/// any other directory is an unpacked root file system. <c>--as</c> overrides the guess where it makes sense.
/// A target given as a symbolic link is audited as what it points to (links inside a target are never followed).
/// Names are the last path component, made unique, so reports never carry where the input sat on disk.
/// </summary>
public static class TargetResolver
{
    public static IReadOnlyList<AuditTarget> Resolve(IEnumerable<string> paths, TargetKind? forced)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var used = new HashSet<string>(StringComparer.Ordinal);
        return paths.Select(p => Resolve(p, forced, used)).ToArray();
    }

    private static AuditTarget Resolve(string path, TargetKind? forced, HashSet<string> usedNames)
    {
        var given = Path.GetFullPath(path);
        var full = RealPath.Of(given);
        TargetKind kind;
        if (File.Exists(full))
        {
            kind = forced ?? TargetKind.Firmware;
            if (kind != TargetKind.Firmware)
            {
                throw new TargetException($"'{path}' is a file; only firmware targets can be files (a {Name(kind)} is a directory)");
            }

            Probe(path, () => File.OpenHandle(full, FileMode.Open, FileAccess.Read).Dispose());
        }
        else if (Directory.Exists(full))
        {
            kind = forced ?? (Path.Exists(Path.Combine(full, ".git")) || IsGitDirectory(full) ? TargetKind.Repo : TargetKind.Rootfs);
            if (kind == TargetKind.Firmware)
            {
                throw new TargetException($"'{path}' is a directory; use --as rootfs or --as repo, or pass the firmware file itself");
            }

            Probe(path, () =>
            {
                using var entries = Directory.EnumerateFileSystemEntries(full).GetEnumerator();
                entries.MoveNext();
            });
        }
        else
        {
            throw new TargetException($"target '{path}' does not exist");
        }

        // The name is the one the user gave, even when it is a link to somewhere else.
        return new AuditTarget(UniqueName(given, usedNames), kind, full);
    }

    /// <summary>
    /// True for a bare repository or a <c>.git</c> folder given itself: it has no working tree, so its files are those
    /// of the commit HEAD points at. Recognised by the three entries git itself requires.
    /// </summary>
    public static bool IsGitDirectory(string directory) =>
        File.Exists(Path.Combine(directory, "HEAD")) && Directory.Exists(Path.Combine(directory, "objects")) && Directory.Exists(Path.Combine(directory, "refs"));

    private static void Probe(string path, Action read)
    {
        try
        {
            read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TargetException($"target '{path}' cannot be read: {IoErrors.Describe(e)}");
        }
    }

    private static string UniqueName(string fullPath, HashSet<string> used)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(fullPath));
        if (string.IsNullOrEmpty(name))
        {
            name = "root";
        }

        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = $"{name}#{i}";
        }

        return candidate;
    }

    private static string Name(TargetKind kind) => kind.ToString().ToLowerInvariant();
}

namespace ComplianceAuditor.Inventory;

/// <summary>
/// The path with every symbolic link along it resolved (like realpath(3)); for a path that does not exist yet, its
/// deepest existing ancestor is resolved and the rest appended. Used to tell whether two paths really overlap.
/// </summary>
public static class RealPath
{
    /// <summary>Bounds link chains, as the kernel does (ELOOP).</summary>
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var pending = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var links = 0;
        while (pending.Count > 0)
        {
            var next = Path.Combine(current, pending.Dequeue());
            FileSystemInfo info = new FileInfo(next);
            if (info.LinkTarget is { } target && links++ < MaxLinks)
            {
                var resolved = Path.GetFullPath(target, current);
                var rest = pending.ToArray();
                pending = new Queue<string>(resolved[Path.GetPathRoot(resolved)!.Length..]
                    .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = Path.GetPathRoot(resolved)!;
                continue;
            }

            current = next;
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it, links resolved.</summary>
    public static bool IsWithin(string path, string directory)
    {
        var relative = Path.GetRelativePath(Of(directory), Of(path));
        return relative == "."
            || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}

namespace ComplianceAuditor.Core.IO;

/// <summary>
/// The path the kernel would really open, every symbolic link along it resolved (like realpath(3)). Unlike
/// <see cref="Path.GetFullPath(string)"/> and .NET's own link resolution, a <c>..</c> is applied only after the
/// component before it has been resolved: <c>sub/../x</c> with <c>sub</c> a link to <c>/elsewhere/deep</c> is
/// <c>/elsewhere/x</c>, not the <c>./x</c> that tidying the text on paper would give. A path that does not exist
/// yet keeps its missing part as written, below its deepest existing ancestor resolved.
/// </summary>
public static class PhysicalPath
{
    /// <summary>Bounds link chains as the kernel does (ELOOP), so a link to itself ends.</summary>
    private const int MaxLinks = 40;

    /// <exception cref="IOException">More than <see cref="MaxLinks"/> links on the way (a loop).</exception>
    public static string Of(string path)
    {
        var start = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(start)!;
        var current = root;
        var pending = new LinkedList<string>(Split(start[root.Length..]));
        var links = 0;
        while (pending.First is { } first)
        {
            var part = first.Value;
            pending.RemoveFirst();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                // current never holds a link, so its parent in the text is its real parent.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"too many levels of symbolic links at {next}");
            }

            // The target's own parts are walked the same way, before what followed the link.
            var parts = Split(Path.IsPathRooted(target) ? target[Path.GetPathRoot(target)!.Length..] : target);
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                pending.AddFirst(parts[i]);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }
        }

        return current;
    }

    /// <summary>True when the real <paramref name="path"/> lies inside the real <paramref name="directory"/>.</summary>
    public static bool IsInside(string path, string directory)
    {
        var relative = Path.GetRelativePath(directory, path);
        return relative != "."
            && relative != ".."
            && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
    }

    private static string[] Split(string path) => path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
}

using ComplianceAuditor.Core.IO;

namespace ComplianceAuditor.Inventory;

/// <summary>
/// The path with every symbolic link along it resolved (like realpath(3)), through <see cref="PhysicalPath"/>; for a
/// path that does not exist yet, its deepest existing ancestor is resolved and the rest appended. Used to tell whether
/// two paths really overlap.
/// </summary>
public static class RealPath
{
    public static string Of(string path)
    {
        try
        {
            return PhysicalPath.Of(path);
        }
        catch (IOException)
        {
            // A loop of links has no real path; the path as written is the best answer, and opening it fails clearly.
            return Path.GetFullPath(path);
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it, links resolved.</summary>
    public static bool IsWithin(string path, string directory)
    {
        var real = Of(path);
        var realDirectory = Of(directory);
        return real == realDirectory || PhysicalPath.IsInside(real, realDirectory);
    }
}

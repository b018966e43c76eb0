namespace ComplianceAuditor.Formats.FileSystems.Common;

/// <summary>Builds entry paths, refusing ones longer than any file system could extract them to.</summary>
internal static class TreePath
{
    /// <summary>
    /// PATH_MAX. Without a bound, a chain of thousands of nested directories (which costs a few bytes each in the
    /// image) makes path strings whose total size grows with the square of the depth.
    /// </summary>
    public const int MaxLength = 4096;

    /// <param name="format">Names the format in the error ("cramfs").</param>
    public static string Join(string parent, string name, string format)
    {
        var length = parent.Length == 0 ? name.Length : parent.Length + 1 + name.Length;
        if (length > MaxLength)
        {
            var start = parent[..Math.Min(parent.Length, 200)];
            throw Invariant.Malformed($"{format}: a path under '{start}...' is longer than {MaxLength} characters (directories nested too deep)");
        }

        return parent.Length == 0 ? name : parent + "/" + name;
    }
}

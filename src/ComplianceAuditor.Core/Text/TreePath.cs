namespace ComplianceAuditor.Core.Text;

/// <summary>Paths inside a target's tree, rooted at '/', with '/' between parts.</summary>
public static class TreePath
{
    /// <summary>
    /// The path <paramref name="relative"/> names when seen from <paramref name="folder"/> (a link target, a key file
    /// named in a script, a project reference); null when ".." climbs out of the tree or nothing is left.
    /// </summary>
    public static string? Combine(string folder, string relative)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(relative);
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? null : "/" + string.Join('/', parts);
    }
}

using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.CSharp.Projects;

/// <summary>
/// Which project each C# file belongs to: the project file in its folder or the nearest folder above, as SDK-style
/// projects include every .cs file below them. Each project is compiled on its own, so two applications of one
/// repository do not clash over their <c>Program</c> classes. Files under no project form one more compilation.
/// </summary>
internal static class ProjectLayout
{
    /// <summary>The name of the compilation of files that no project file claims.</summary>
    public const string Loose = "(files outside any project)";

    /// <summary>Project path (or <see cref="Loose"/>) to its files, in path order.</summary>
    public static IReadOnlyDictionary<string, List<Artifact>> Assign(SourceSet set)
    {
        // One project per folder: when a folder has several (an app's .csproj beside its .nfproj), the first by name.
        var byFolder = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var project in set.Projects)
        {
            byFolder.TryAdd(FolderOf(project.RelativePath), project.RelativePath);
        }

        var groups = new SortedDictionary<string, List<Artifact>>(StringComparer.Ordinal);
        foreach (var source in set.Sources)
        {
            var owner = Loose;
            for (var folder = FolderOf(source.RelativePath); ; folder = FolderOf(folder))
            {
                if (byFolder.TryGetValue(folder, out var project))
                {
                    owner = project;
                    break;
                }

                if (folder.Length == 0)
                {
                    break;
                }
            }

            if (!groups.TryGetValue(owner, out var files))
            {
                groups[owner] = files = [];
            }

            files.Add(source);
        }

        return groups;
    }

    private static string FolderOf(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
}

using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.CSharp.Projects;

/// <summary>
/// The files of a target that C# analysis reads: source files, project files and .editorconfig / .globalconfig files
/// of the target's own tree. Files inside archives are left out (an archive's C# files are not part of the
/// repository's builds), and so are build outputs (<c>bin/</c>, <c>obj/</c>), which hold generated copies.
/// </summary>
internal sealed class SourceSet
{
    private SourceSet(IReadOnlyList<Artifact> sources, IReadOnlyList<Artifact> projects, IReadOnlyList<Artifact> configs)
    {
        Sources = sources;
        Projects = projects;
        Configs = configs;
    }

    /// <summary>C# files in path order.</summary>
    public IReadOnlyList<Artifact> Sources { get; }

    public IReadOnlyList<Artifact> Projects { get; }

    public IReadOnlyList<Artifact> Configs { get; }

    public static SourceSet Of(TargetInventory inventory)
    {
        var sources = new List<Artifact>();
        var projects = new List<Artifact>();
        var configs = new List<Artifact>();
        foreach (var artifact in inventory.Artifacts)
        {
            if (!IsTreeFile(artifact))
            {
                continue;
            }

            // A .cs file of binary content is not compiled; the engine gives its results as of the wrong kind.
            if (IsSource(artifact) && artifact.Kind == ArtifactKind.Text)
            {
                sources.Add(artifact);
            }
            else if (IsProject(artifact.RelativePath))
            {
                projects.Add(artifact);
            }
            else if (IsConfig(artifact.RelativePath))
            {
                configs.Add(artifact);
            }
        }

        return new SourceSet(ByPath(sources), ByPath(projects), ByPath(configs));
    }

    /// <summary>Is this a C# file the analysis compiles?</summary>
    public static bool IsSource(Artifact artifact) =>
        IsTreeFile(artifact) && artifact.RelativePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !InBuildOutput(artifact.RelativePath);

    /// <summary>Is this an analyzer configuration file (where CMP4000 reports a bad option)?</summary>
    public static bool IsConfig(string relativePath)
    {
        var name = FileName(relativePath);
        return name == ".editorconfig" || name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsProject(string relativePath) =>
        relativePath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || relativePath.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase);

    private static bool IsTreeFile(Artifact artifact) =>
        !artifact.IsTargetRoot && artifact.History is null && !artifact.Path.Contains("!/", StringComparison.Ordinal);

    private static bool InBuildOutput(string relativePath)
    {
        foreach (var segment in relativePath.Split('/').SkipLast(1))
        {
            if (segment is "bin" or "obj")
            {
                return true;
            }
        }

        return false;
    }

    private static string FileName(string relativePath) => relativePath[(relativePath.LastIndexOf('/') + 1)..];

    private static List<Artifact> ByPath(List<Artifact> artifacts)
    {
        artifacts.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return artifacts;
    }
}

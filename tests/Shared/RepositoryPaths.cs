namespace ComplianceAuditor.Tests.Shared;

/// <summary>Finds folders of this repository from a test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string Reports => Path.Combine(Root, "reports");

    /// <summary>The shared material beside the repository (../shared); may be absent outside the team's machines.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplianceAuditor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ComplianceAuditor.sln not found above " + AppContext.BaseDirectory);
    }
}

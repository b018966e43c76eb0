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
        // Built with --artifacts-path the binaries live outside the tree: then look above where `dotnet test` was started
        // (the shell's PWD; the test host itself runs in the output folder).
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.GetEnvironmentVariable("PWD") }.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ComplianceAuditor.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("ComplianceAuditor.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace ComplianceAuditor.Tests.Shared;

/// <summary>
/// A fact that needs the shared material beside the repository (<c>../shared</c>: schemas, corpus). Where that
/// folder is absent the test is reported as skipped with the reason, never silently passed; CI fails earlier if it
/// is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string relativePath)
    {
        RelativePath = relativePath;
        if (!Path.Exists(Path.Combine(RepositoryPaths.Shared, relativePath)))
        {
            Skip = $"skipped: ../shared/{relativePath} is absent (the shared corpus and schemas live beside the repository)";
        }
    }

    public string RelativePath { get; }
}

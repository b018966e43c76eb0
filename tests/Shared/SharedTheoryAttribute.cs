namespace ComplianceAuditor.Tests.Shared;

/// <summary>
/// The theory form of <see cref="SharedFactAttribute"/>: skipped with the reason when the shared folder it needs is
/// absent, never silently passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(string relativePath)
    {
        RelativePath = relativePath;
        if (!Path.Exists(Path.Combine(RepositoryPaths.Shared, relativePath)))
        {
            Skip = $"skipped: ../shared/{relativePath} is absent (the shared corpus and schemas live beside the repository)";
        }
    }

    public string RelativePath { get; }
}

namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>A named weakness found in a build file. Each parser documents its codes, which stay stable across releases.</summary>
/// <param name="Code">A kebab-case code such as <c>buildroot-no-ssp</c>.</param>
/// <param name="Description">What was found and why it matters, with the setting as written (secrets redacted).</param>
/// <param name="File">The name the caller gave the file.</param>
/// <param name="Line">The 1-based line; 0 when the weakness comes from a default the file does not override.</param>
public sealed record BuildWeakness(string Code, string Description, string File, int Line)
{
    /// <summary>"file:line" for evidence.</summary>
    public string Location => $"{File}:{Line}";
}

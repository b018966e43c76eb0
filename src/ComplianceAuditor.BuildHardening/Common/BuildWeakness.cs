namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>A named weakness found in a build file. Each parser documents its codes, which stay stable across releases.</summary>
/// <param name="Code">A kebab-case code such as <c>buildroot-no-ssp</c>; <see cref="BuildWeaknessCodes"/> lists them all.</param>
/// <param name="Description">What was found and why it matters, with the setting as written (secrets redacted).</param>
/// <param name="File">The name the caller gave the file.</param>
/// <param name="Line">The 1-based line; 0 when the weakness comes from a default the file does not override.</param>
public sealed record BuildWeakness(string Code, string Description, string File, int Line)
{
    /// <summary>
    /// The setting that causes the weakness as the file writes it (a line, a symbol assignment, a flag), with any
    /// password or hash replaced by its redacted form; null when the weakness comes from a default.
    /// </summary>
    public string? Setting { get; init; }

    /// <summary>"file:line" for evidence.</summary>
    public string Location => $"{File}:{Line}";
}

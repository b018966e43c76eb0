using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Checks.Build.Coverage;

/// <summary>Where the build turns one hardening feature on.</summary>
/// <param name="Feature">"ssp", "fortify", "pie", "relro" or "bind-now".</param>
/// <param name="File">The build file.</param>
/// <param name="Line">The 1-based line, or 0 when the reader gives none.</param>
/// <param name="Setting">The flag or setting that does it, as the reader reports it.</param>
internal sealed record FeatureSource(string Feature, Artifact File, int Line, string Setting)
{
    public string Location => Line > 0 ? $"{File.RelativePath}:{Line}" : File.RelativePath;
}

namespace ComplianceAuditor.Checks.CSharp.Analysis;

/// <summary>
/// The path a target file has inside the analysis: rooted at <c>/</c>, so that .editorconfig sections apply by
/// Roslyn's rules and no path of the machine running the audit appears in a diagnostic.
/// </summary>
internal static class VirtualPath
{
    public static string Of(string relativePath) => "/" + relativePath;
}

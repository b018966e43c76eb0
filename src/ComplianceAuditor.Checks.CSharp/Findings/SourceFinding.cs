namespace ComplianceAuditor.Checks.CSharp.Findings;

/// <summary>
/// One analyzer diagnostic, reduced to what a result needs, so that a target's compilations can be released as soon
/// as they are analysed.
/// </summary>
/// <param name="Key">What tells this finding apart from others of the rule in the file, stable across edits that only
/// move it: the enclosing member and the flagged code (a credential by its identifier, never its value).</param>
/// <param name="Member">The enclosing type and member (<c>Program.Main</c>), when there is one.</param>
/// <param name="Suppression">How the finding was silenced in the repository, when it was; the audit still counts it.</param>
internal sealed record SourceFinding(
    string Id, int Line, int Column, string Message, string Excerpt, string Key, string? Member, string? Suppression);

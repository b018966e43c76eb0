using ComplianceAuditor.BuildHardening.Common;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Checks.Build.Hardening;

/// <summary>Turns the weaknesses found in a build file into evidence, a reason and a fingerprint.</summary>
internal static class WeaknessEvidence
{
    /// <summary>The line, the setting as written (the readers have already redacted secrets) and what it means.</summary>
    public static EvidenceItem Item(BuildWeakness weakness) => new()
    {
        Kind = "text",
        Description = DisplayText.Sanitize($"{weakness.Code}: {weakness.Description}", 400),
        Line = weakness.Line > 0 ? weakness.Line : null,
        Excerpt = weakness.Setting is null ? null : DisplayText.Sanitize(weakness.Setting),
    };

    /// <summary>One clause per weakness, each ending in where it is (a line, or the default it comes from).</summary>
    public static string Reason(IEnumerable<BuildWeakness> weaknesses) =>
        DisplayText.Sanitize(string.Join("; ", weaknesses.Select(w => $"{w.Description} ({(w.Line > 0 ? $"line {w.Line}" : "not written: a default")})")), 2000);

    /// <summary>
    /// The codes and settings, sorted, without line numbers: a finding keeps its fingerprint when lines above it are
    /// added or removed, and two findings in one file stay apart.
    /// </summary>
    public static string Key(IEnumerable<BuildWeakness> weaknesses) =>
        string.Join('\n', weaknesses.Select(w => $"{w.Code}:{w.Setting ?? w.Description}").Order(StringComparer.Ordinal));
}

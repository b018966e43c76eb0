using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Cli.Audit;

/// <summary><c>--scheme</c> and <c>--fail-on-scheme</c>: which schemes are rated, and which gate the exit code.</summary>
internal static class SchemeSelection
{
    /// <summary>A usage problem with the selection, or null when every id names a loaded scheme.</summary>
    public static string? Check(AuditSettings settings, RuleSet ruleSet)
    {
        var unknown = settings.Schemes.Concat(settings.FailOnSchemes).Where(id => ruleSet.FindScheme(id) is null).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            return $"unknown scheme id(s): {string.Join(", ", unknown)} (see 'compliance-auditor schemes list')";
        }

        var unrated = settings.Schemes.Count == 0 ? [] : settings.FailOnSchemes.Where(id => !settings.Schemes.Contains(id)).ToArray();
        return unrated.Length > 0
            ? $"--fail-on-scheme names scheme(s) not selected with --scheme: {string.Join(", ", unrated)}"
            : null;
    }

    /// <summary>The selected schemes in the rule set's order; all of them when none is named.</summary>
    public static IReadOnlyList<SchemeDefinition> Selected(AuditSettings settings, RuleSet ruleSet) =>
        settings.Schemes.Count == 0 ? ruleSet.Schemes : ruleSet.Schemes.Where(s => settings.Schemes.Contains(s.Id)).ToArray();
}

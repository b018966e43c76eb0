using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Rules.Validation;

namespace ComplianceAuditor.Rules.Loading;

/// <summary>A loaded rule set, or the reasons it could not be loaded. Never both a rule set and errors.</summary>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<RuleLoadError> Errors)
{
    public bool Succeeded => RuleSet is not null && Errors.Count == 0;
}

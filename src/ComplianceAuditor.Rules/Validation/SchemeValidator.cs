using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Rules.Validation;

/// <summary>
/// What the scheme schema cannot say: unique ids, catalog ids and conditions that exist, conditions answered by known
/// facts with values they can take, every provision reachable by some assessment, derived provisions that resolve and
/// do not go round in a circle, and rating levels that name the scheme's own provisions.
/// </summary>
internal static class SchemeValidator
{
    public static IEnumerable<RuleLoadError> Validate(IReadOnlyList<SchemeDefinition> schemes, HashSet<string> catalogIds, IReadOnlyList<FactDefinition> facts)
    {
        foreach (var dup in schemes.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new RuleLoadError(dup.Last().Source.Describe("id"), $"duplicate scheme id '{dup.Key}'");
        }

        foreach (var scheme in schemes)
        {
            foreach (var error in ValidateConditions(scheme, facts).Concat(ValidateProvisions(scheme, schemes, catalogIds)).Concat(ValidateRating(scheme)))
            {
                yield return error;
            }
        }

        foreach (var cycle in SchemeDerivation.FindCycles(schemes))
        {
            yield return new RuleLoadError(cycle.Scheme.Source.Describe("provisions"), $"derived provisions go round in a circle: {cycle.Path}");
        }
    }

    private static IEnumerable<RuleLoadError> ValidateConditions(SchemeDefinition scheme, IReadOnlyList<FactDefinition> facts)
    {
        for (var i = 0; i < scheme.Conditions.Count; i++)
        {
            var condition = scheme.Conditions[i];
            var fact = facts.FirstOrDefault(f => f.Id == condition.Fact);
            if (fact is null)
            {
                yield return new RuleLoadError(scheme.Source.Describe($"conditions[{i}].fact"), $"condition '{condition.Id}' names unknown fact '{condition.Fact}'");
            }
            else if (fact.Type is not (FactType.Boolean or FactType.Choice or FactType.List) || !FactValues.IsValid(fact, condition.EqualsValue))
            {
                yield return new RuleLoadError(scheme.Source.Describe($"conditions[{i}]"), $"condition '{condition.Id}': '{condition.EqualsValue}' is not a value fact '{fact.Id}' can take, or the fact cannot answer a condition");
            }
        }
    }

    private static IEnumerable<RuleLoadError> ValidateProvisions(SchemeDefinition scheme, IReadOnlyList<SchemeDefinition> schemes, HashSet<string> catalogIds)
    {
        var conditionIds = scheme.Conditions.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scheme.Provisions.Count; i++)
        {
            var p = scheme.Provisions[i];
            var at = scheme.Source.Describe($"provisions[{i}]");
            if (!seen.Add(p.Id))
            {
                yield return new RuleLoadError(at, $"duplicate provision id '{p.Id}' in scheme '{scheme.Id}'");
            }

            if (p.Assessment.Contains(AssessmentMethod.Automated) && p.Checks.Count == 0 && p.DerivedFrom.Count == 0)
            {
                yield return new RuleLoadError(at, $"provision '{p.Id}' is assessed automatically but lists no checks and derives from nothing");
            }

            // Derived verdicts are automated evidence: a laboratory-only provision must never pass through them.
            if (p.DerivedFrom.Count > 0 && !p.Assessment.Contains(AssessmentMethod.Automated))
            {
                yield return new RuleLoadError(at, $"provision '{p.Id}' derives from other provisions but is not assessed automatically");
            }

            if (p.Assessment.Contains(AssessmentMethod.Declaration) && string.IsNullOrWhiteSpace(p.Question))
            {
                yield return new RuleLoadError(at, $"provision '{p.Id}' is assessed by declaration but has no question");
            }

            foreach (var c in p.Checks.Where(c => !catalogIds.Contains(c)))
            {
                yield return new RuleLoadError(at, $"provision '{p.Id}' names unknown catalog id '{c}'");
            }

            foreach (var c in p.Conditions.Where(c => !conditionIds.Contains(c)))
            {
                yield return new RuleLoadError(at, $"provision '{p.Id}' names unknown condition '{c}'");
            }

            foreach (var r in p.DerivedFrom.Where(r => schemes.FirstOrDefault(s => s.Id == r.Scheme)?.FindProvision(r.Provision) is null))
            {
                yield return new RuleLoadError(at, $"provision '{p.Id}' derives from '{r}', which no scheme defines");
            }
        }
    }

    private static IEnumerable<RuleLoadError> ValidateRating(SchemeDefinition scheme)
    {
        var rating = scheme.Rating;
        var at = scheme.Source.Describe("rating");
        var leveled = rating.Model is RatingModel.Levels or RatingModel.Stars;
        if (leveled != (rating.Levels.Count > 0))
        {
            yield return new RuleLoadError(at, $"scheme '{scheme.Id}': levels are {(leveled ? "required" : "only allowed")} for the levels and stars models");
        }

        for (var i = 0; i < rating.Levels.Count; i++)
        {
            var level = rating.Levels[i];
            if (level.Level != i + 1)
            {
                yield return new RuleLoadError(scheme.Source.Describe($"rating.levels[{i}]"), $"levels must count up from 1 without gaps; found {level.Level} in position {i + 1}");
            }

            foreach (var id in level.Provisions.Where(id => scheme.FindProvision(id) is null))
            {
                yield return new RuleLoadError(scheme.Source.Describe($"rating.levels[{i}]"), $"level {level.Level} names unknown provision '{id}'");
            }
        }
    }
}

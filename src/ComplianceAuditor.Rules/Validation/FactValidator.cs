using ComplianceAuditor.Core.Declarations;

namespace ComplianceAuditor.Rules.Validation;

/// <summary>The declaration vocabulary: unique ids, choices where a choice is asked, contradictions that can happen.</summary>
internal static class FactValidator
{
    private const string Where = "rules/declarations/facts.yaml";

    // Rule ids named by contradictions are not checked here: the loader also runs on partial rule sets (a user's
    // folder, tests); BuiltInRuleTests checks that the built-in facts name built-in rules.
    public static IEnumerable<RuleLoadError> Validate(IReadOnlyList<FactDefinition> facts, IReadOnlyList<Core.Schemes.SchemeDefinition> schemes)
    {
        foreach (var dup in facts.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new RuleLoadError(Where, $"fact '{dup.Key}' is defined {dup.Count()} times");
        }

        foreach (var fact in facts)
        {
            var needsChoices = fact.Type is FactType.Choice or FactType.List;
            if (needsChoices != (fact.Choices.Count > 0))
            {
                yield return new RuleLoadError(Where, $"fact '{fact.Id}': choices are {(needsChoices ? "required" : "only allowed")} for choice and list facts");
            }

            foreach (var settled in fact.Settles)
            {
                var provision = schemes.FirstOrDefault(s => s.Id == settled.Scheme)?.FindProvision(settled.Provision);
                if (provision is null || !provision.Assessment.Contains(Core.Schemes.AssessmentMethod.Declaration))
                {
                    yield return new RuleLoadError(Where, $"fact '{fact.Id}' settles '{settled}', which is not a provision a declaration can settle");
                }
            }

            if (fact.Settles.Count > 0 && fact.Type is FactType.Choice or FactType.List)
            {
                yield return new RuleLoadError(Where, $"fact '{fact.Id}': choice and list facts cannot settle provisions");
            }

            foreach (var c in fact.ContradictedBy)
            {
                if (!FactValues.IsValid(fact, c.Value))
                {
                    yield return new RuleLoadError(Where, $"fact '{fact.Id}': contradiction value '{c.Value}' is not a value of the fact");
                }

                if (c.Rules.Count == 0 && c.Checks.Count == 0)
                {
                    yield return new RuleLoadError(Where, $"fact '{fact.Id}': a contradiction names no rules and no checks");
                }

            }
        }
    }
}

using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Rules.Validation;

/// <summary>
/// Cross-file checks no schema can express: unique ids, rule file names that start with the rule id, <c>CHK-*</c> ids
/// that exist in the catalog, provision references that resolve; schemes and facts have validators of their own.
/// Check-kind specific checks (known kinds, parameters, regexes, self-tests) live with the checks, in the engine.
/// </summary>
public static class RuleSetValidator
{
    public static IReadOnlyList<RuleLoadError> Validate(
        IReadOnlyList<RuleDefinition> rules,
        IReadOnlyList<SchemeDefinition> schemes,
        IReadOnlyList<CatalogCheck> catalog,
        IReadOnlyList<FactDefinition>? facts = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(catalog);

        var errors = new List<RuleLoadError>();
        var catalogIds = catalog.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (catalog.Count == 0)
        {
            errors.Add(new RuleLoadError("rules/catalog", "no check catalog was loaded, so CHK-* ids cannot be verified"));
        }

        errors.AddRange(catalog.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => new RuleLoadError("rules/catalog", $"catalog id '{g.Key}' is defined {g.Count()} times")));

        ValidateRules(rules, schemes, catalogIds, errors);
        var factList = facts ?? [];
        errors.AddRange(FactValidator.Validate(factList, schemes));
        errors.AddRange(SchemeValidator.Validate(schemes, catalogIds, factList));
        return errors;
    }

    private static void ValidateRules(
        IReadOnlyList<RuleDefinition> rules,
        IReadOnlyList<SchemeDefinition> schemes,
        HashSet<string> catalogIds,
        List<RuleLoadError> errors)
    {
        var firstById = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (firstById.TryGetValue(rule.Id, out var first))
            {
                errors.Add(new RuleLoadError(rule.Source.Describe("id"), $"duplicate rule id '{rule.Id}' (already defined in {first.Source.Describe("id")})"));
            }
            else
            {
                firstById[rule.Id] = rule;
            }

            var fileName = Path.GetFileName(rule.Source.DisplayPath);
            if (!fileName.StartsWith(rule.Id + ".", StringComparison.Ordinal))
            {
                errors.Add(new RuleLoadError(rule.Source.Describe("id"), $"the file name must start with the rule id ('{rule.Id}.<short-name>.yaml')"));
            }

            for (var i = 0; i < rule.Catalog.Count; i++)
            {
                if (!catalogIds.Contains(rule.Catalog[i]))
                {
                    errors.Add(new RuleLoadError(rule.Source.Describe($"catalog[{i}]"), $"unknown catalog id '{rule.Catalog[i]}' (not in rules/catalog/checks.yaml)"));
                }
            }

            for (var i = 0; i < rule.Provisions.Count; i++)
            {
                var reference = rule.Provisions[i];
                var scheme = schemes.FirstOrDefault(s => s.Id == reference.Scheme);
                if (scheme is null)
                {
                    errors.Add(new RuleLoadError(rule.Source.Describe($"provisions[{i}].scheme"), $"unknown scheme '{reference.Scheme}'"));
                }
                else if (scheme.Provisions.All(p => p.Id != reference.Provision))
                {
                    errors.Add(new RuleLoadError(rule.Source.Describe($"provisions[{i}].provision"), $"scheme '{scheme.Id}' has no provision '{reference.Provision}'"));
                }
            }
        }
    }
}

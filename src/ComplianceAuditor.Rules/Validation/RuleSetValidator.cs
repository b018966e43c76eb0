using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Schemes;

namespace ComplianceAuditor.Rules.Validation;

/// <summary>
/// Cross-file checks no schema can express: unique ids, rule file names that start with the rule id, <c>CHK-*</c> ids
/// that exist in the catalog, provision references that resolve, and scheme provisions that say how they are assessed.
/// Check-kind specific checks (known kinds, parameters, regexes, self-tests) live with the checks, in the engine.
/// </summary>
public static class RuleSetValidator
{
    public static IReadOnlyList<RuleLoadError> Validate(
        IReadOnlyList<RuleDefinition> rules,
        IReadOnlyList<SchemeDefinition> schemes,
        IReadOnlyList<CatalogCheck> catalog)
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
        ValidateSchemes(schemes, catalogIds, errors);
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

    private static void ValidateSchemes(IReadOnlyList<SchemeDefinition> schemes, HashSet<string> catalogIds, List<RuleLoadError> errors)
    {
        foreach (var dup in schemes.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new RuleLoadError(dup.Last().Source.Describe("id"), $"duplicate scheme id '{dup.Key}'"));
        }

        foreach (var scheme in schemes)
        {
            var conditionIds = scheme.Conditions.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < scheme.Provisions.Count; i++)
            {
                var p = scheme.Provisions[i];
                var at = scheme.Source.Describe($"provisions[{i}]");
                if (!seen.Add(p.Id))
                {
                    errors.Add(new RuleLoadError(at, $"duplicate provision id '{p.Id}' in scheme '{scheme.Id}'"));
                }

                if (p.Assessment.Contains(AssessmentMethod.Automated) && p.Checks.Count == 0)
                {
                    errors.Add(new RuleLoadError(at, $"provision '{p.Id}' is assessed automatically but lists no checks"));
                }

                if (p.Assessment.Contains(AssessmentMethod.Declaration) && string.IsNullOrWhiteSpace(p.Question))
                {
                    errors.Add(new RuleLoadError(at, $"provision '{p.Id}' is assessed by declaration but has no question"));
                }

                errors.AddRange(p.Checks.Where(c => !catalogIds.Contains(c))
                    .Select(c => new RuleLoadError(at, $"provision '{p.Id}' names unknown catalog id '{c}'")));
                errors.AddRange(p.Conditions.Where(c => !conditionIds.Contains(c))
                    .Select(c => new RuleLoadError(at, $"provision '{p.Id}' names unknown condition '{c}'")));
            }
        }
    }
}

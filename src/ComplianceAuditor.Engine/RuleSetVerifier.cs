using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Rules.Validation;

namespace ComplianceAuditor.Engine;

/// <summary>
/// The second half of rule verification, the part only the checks can do: the kind must be registered, every
/// parameter must be one the kind reads and must be valid (regexes compile, globs parse), and text and byte rules
/// must carry self-tests that pass.
/// </summary>
public static class RuleSetVerifier
{
    public static IReadOnlyList<RuleLoadError> Verify(RuleSet ruleSet, CheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(registry);
        return ruleSet.Rules.SelectMany(rule => VerifyRule(rule, registry)).ToArray();
    }

    public static IReadOnlyList<RuleLoadError> VerifyRule(RuleDefinition rule, CheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(registry);
        var errors = new List<RuleLoadError>();
        var check = registry.Find(rule.Check.Kind);
        if (check is null)
        {
            errors.Add(new(rule.Source.Describe("check.kind"), $"unknown check kind '{rule.Check.Kind}' (known: {string.Join(", ", registry.Kinds)})"));
            return errors;
        }

        foreach (var name in rule.Check.ParameterNames.Where(n => !check.Parameters.Contains(n)))
        {
            errors.Add(new(rule.Source.Describe($"check.{name}"), $"check kind '{check.Kind}' does not use parameter '{name}'"));
        }

        if (check.Scope == CheckScope.Target && rule.History)
        {
            // History is read piece by piece; a check of a whole target has no piece to read.
            errors.Add(new(rule.Source.Describe("appliesTo.history"), $"check kind '{check.Kind}' looks at whole targets and cannot read history; remove appliesTo.history"));
        }

        if (rule.History && !rule.Targets.Contains(Core.Model.TargetKind.Repo))
        {
            errors.Add(new(rule.Source.Describe("appliesTo.history"), "only repository targets have a history; add repo to appliesTo.targets or remove appliesTo.history"));
        }

        if (check.Scope == CheckScope.Target && rule.Artifacts.Count > 0)
        {
            errors.Add(new(rule.Source.Describe("appliesTo.artifacts"), $"check kind '{check.Kind}' looks at whole targets; remove appliesTo.artifacts"));
        }

        IPreparedCheck prepared;
        try
        {
            prepared = check.Prepare(rule, new EngineOptions());
        }
        catch (CheckParameterException e)
        {
            errors.Add(new(rule.Source.Describe($"check.{e.Parameter}"), e.Message));
            return errors;
        }

        errors.AddRange(VerifySelfTests(rule, prepared, check.Kind));
        return errors;
    }

    private static IEnumerable<RuleLoadError> VerifySelfTests(RuleDefinition rule, IPreparedCheck prepared, string kind)
    {
        if (prepared is not ISelfTestable testable)
        {
            if (!rule.Tests.IsEmpty)
            {
                yield return new(rule.Source.Describe("tests"), $"check kind '{kind}' has no self-tests; remove 'tests' (use fixtures instead)");
            }

            yield break;
        }

        if (rule.Tests.MustMatch.Count == 0 || rule.Tests.MustNotMatch.Count == 0)
        {
            yield return new(rule.Source.Describe("tests"), $"check kind '{kind}' needs self-tests: at least one tests.mustMatch and one tests.mustNotMatch sample");
        }

        for (var i = 0; i < rule.Tests.MustMatch.Count; i++)
        {
            var problem = Run(testable, rule.Tests.MustMatch[i], expected: true);
            if (problem is not null)
            {
                yield return new(rule.Source.Describe($"tests.mustMatch[{i}]"), problem);
            }
        }

        for (var i = 0; i < rule.Tests.MustNotMatch.Count; i++)
        {
            var problem = Run(testable, rule.Tests.MustNotMatch[i], expected: false);
            if (problem is not null)
            {
                yield return new(rule.Source.Describe($"tests.mustNotMatch[{i}]"), problem);
            }
        }
    }

    private static string? Run(ISelfTestable testable, string sample, bool expected)
    {
        try
        {
            var matched = testable.MatchesSample(sample);
            return matched == expected ? null
                : expected ? "self-test failed: the check does not match this sample"
                : "self-test failed: the check matches this sample but must not";
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return "self-test failed: the pattern ran past its time limit on this sample (catastrophic backtracking?)";
        }
    }
}

using ComplianceAuditor.Engine;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Rules.Validation;

namespace ComplianceAuditor.Cli.Audit;

/// <summary>Loads the built-in rules plus the user's folders, and runs both halves of verification.</summary>
internal static class RuleSetProvider
{
    public static RuleSetLoadResult LoadVerified(IReadOnlyList<string> ruleDirectories, CheckRegistry registry)
    {
        var loaded = RuleSetLoader.Load(ruleDirectories);
        if (!loaded.Succeeded)
        {
            return loaded;
        }

        var errors = RuleSetVerifier.Verify(loaded.RuleSet!, registry);
        return errors.Count == 0 ? loaded : new RuleSetLoadResult(null, errors);
    }

    public static void Print(IEnumerable<RuleLoadError> errors, CliConsole console)
    {
        foreach (var error in errors)
        {
            console.Fail(error.ToString());
        }
    }
}

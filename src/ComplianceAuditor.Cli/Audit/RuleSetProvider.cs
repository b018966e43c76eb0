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

    /// <summary>
    /// Loads and verifies the rule set for a command that only reads it (<c>rules</c>, <c>schemes</c>, <c>declare</c>):
    /// on any error prints them all and exits 3, otherwise runs <paramref name="action"/>.
    /// </summary>
    public static int With(IReadOnlyList<string> ruleDirectories, CliConsole console, Func<Core.Rules.RuleSet, int> action)
    {
        var loaded = LoadVerified(ruleDirectories, Checks.CreateRegistry());
        if (!loaded.Succeeded)
        {
            Print(loaded.Errors, console);
            console.Fail(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{loaded.Errors.Count} rule error(s)"));
            return ExitCodes.InvalidRules;
        }

        return action(loaded.RuleSet!);
    }
}

using ComplianceAuditor.Core.Declarations;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Reporting.Baseline;
using ComplianceAuditor.Rules.UserFiles;
using ComplianceAuditor.Scoring;

namespace ComplianceAuditor.Cli.Audit;

/// <summary>
/// The manufacturer's declaration and the waivers file, loaded and checked before the audit starts: a broken one
/// stops the run with its errors (exit 3), as a broken rule file does, rather than being half used. The baseline
/// travels with them; it is read first of all (<see cref="ReadBaseline"/>).
/// </summary>
internal sealed record AuditInputs(Declaration Declaration, AppliedWaivers Waivers, BaselineFile? Baseline)
{
    /// <summary>
    /// The earlier report of <c>--baseline</c>, or null without one. Read before anything else runs, since a wrong
    /// file there is a wrong argument (exit 2), not a broken configuration; throws <see cref="BaselineException"/>.
    /// </summary>
    public static BaselineFile? ReadBaseline(AuditSettings settings) =>
        settings.Baseline is { } path ? BaselineReader.Read(path) : null;

    public static AuditInputs? Load(AuditSettings settings, RuleSet ruleSet, DateOnly auditDate, BaselineFile? baseline, CliConsole console)
    {
        var declaration = Declaration.None;
        var failed = false;
        if (settings.Declaration is { } declarationPath)
        {
            var (loaded, errors) = DeclarationLoader.Load(declarationPath, ruleSet, auditDate);
            failed |= Print("declaration", errors, console);
            declaration = loaded ?? Declaration.None;
        }

        var waivers = AppliedWaivers.None;
        if (settings.Waivers is { } waiversPath)
        {
            var (loaded, errors) = WaiverLoader.Load(waiversPath, ruleSet);
            failed |= Print("waivers", errors, console);
            waivers = loaded is null ? AppliedWaivers.None : new AppliedWaivers(loaded, auditDate);
        }

        return failed ? null : new AuditInputs(declaration, waivers, baseline);
    }

    private static bool Print(string what, IReadOnlyList<Rules.Validation.RuleLoadError> errors, CliConsole console)
    {
        foreach (var error in errors)
        {
            console.Fail($"error: {Core.Text.DisplayText.Sanitize(error.ToString(), 600)}");
        }

        if (errors.Count > 0)
        {
            console.Fail($"{errors.Count} {what} error(s)");
        }

        return errors.Count > 0;
    }
}

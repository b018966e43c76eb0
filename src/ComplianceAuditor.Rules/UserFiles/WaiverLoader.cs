using System.Globalization;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Core.Waivers;
using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Rules.Validation;
using ComplianceAuditor.Rules.Yaml;

namespace ComplianceAuditor.Rules.UserFiles;

/// <summary>
/// Loads a waivers file (<c>audit --waivers FILE</c>). A waiver naming a rule that does not exist, or a date that is
/// not a date, is an error: a typo must not leave a finding unaccepted, or accept one nobody meant.
/// </summary>
public static class WaiverLoader
{
    private static readonly Lazy<SchemaValidator> Schema = new(() => SchemaValidator.FromJson(EmbeddedData.WaiversSchema));

    public static (WaiverFile? File, IReadOnlyList<RuleLoadError> Errors) Load(string path, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var errors = new List<RuleLoadError>();
        var file = UserDataFile.Read(path, Schema.Value, errors);
        if (file is null)
        {
            return (null, errors);
        }

        var waivers = new List<Waiver>();
        var entries = file.Root.MapList("waivers");
        for (var i = 0; i < entries.Count; i++)
        {
            var w = entries[i];
            var at = file.Source.Describe($"waivers[{i}]");
            if (!DateOnly.TryParseExact(w.Str("expires"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            {
                errors.Add(new RuleLoadError(file.Source.Describe($"waivers[{i}].expires"), $"'{w.Str("expires")}' is not a date"));
                continue;
            }

            if (w.OptStr("rule") is { } rule && ruleSet.FindRule(rule) is null)
            {
                errors.Add(new RuleLoadError(file.Source.Describe($"waivers[{i}].rule"), $"unknown rule '{rule}' (see 'compliance-auditor rules list')"));
                continue;
            }

            var justification = w.Str("justification").Trim();
            if (justification.Length < 10 || w.Str("approver").Trim().Length == 0)
            {
                errors.Add(new RuleLoadError(at, "a waiver needs a justification of at least 10 characters and an approver, not blanks"));
                continue;
            }

            // Compiled here, so a pattern the glob language refuses is this file's error, not the audit's crash.
            if (w.OptStr("artifact") is { } artifact && GlobError(artifact) is { } globError)
            {
                errors.Add(new RuleLoadError(file.Source.Describe($"waivers[{i}].artifact"), $"'{artifact}' is not a usable glob: {globError}"));
                continue;
            }

            waivers.Add(new Waiver
            {
                Fingerprint = w.OptStr("fingerprint"),
                Rule = w.OptStr("rule"),
                Artifact = w.OptStr("artifact"),
                Justification = justification,
                Approver = w.Str("approver").Trim(),
                Expires = expires,
                Location = at,
            });
        }

        return errors.Count > 0 ? (null, errors) : (new WaiverFile(file.Source.DisplayPath, file.Sha256, waivers), []);
    }

    private static string? GlobError(string artifact)
    {
        try
        {
            _ = new Core.Text.PathGlob("/" + artifact.TrimStart('/'));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}

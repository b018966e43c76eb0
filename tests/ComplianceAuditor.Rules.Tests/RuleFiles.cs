using ComplianceAuditor.Rules.Loading;

namespace ComplianceAuditor.Rules.Tests;

/// <summary>Builds rule sets from the built-in catalog and schemes plus rule texts written in the test.</summary>
internal static class RuleFiles
{
    public const string ValidRule = """
        # yaml-language-server: $schema=../../rules-schema.json
        schemaVersion: 1
        id: CMP9001
        title: A test rule that looks for the word forbidden
        severity: high
        appliesTo:
          targets: [rootfs]
        check:
          kind: text-regex
          paths: ["etc/*.conf"]
          pattern: '\bforbidden\b'
        catalog: [CHK-SURF-01]
        provisions:
          - scheme: etsi-en-303-645
            provision: "5.6-1"
        rationale: The word forbidden must not appear in a configuration file.
        remediation: Remove the word forbidden from the configuration file.
        tests:
          mustMatch: ["this is forbidden"]
          mustNotMatch: ["this is allowed", "unforbiddenly"]
        """;

    /// <summary>The built-in catalog and schemes (no built-in rules), plus the given rule files.</summary>
    public static IReadOnlyList<DataFileSource> With(params (string Path, string Text)[] rules) =>
        EmbeddedData.BuiltInSources()
            .Where(s => s.DisplayPath.StartsWith("rules/catalog/", StringComparison.Ordinal) || s.DisplayPath.StartsWith("rules/schemes/", StringComparison.Ordinal)
                || s.DisplayPath.StartsWith("rules/declarations/", StringComparison.Ordinal))
            .Concat(rules.Select(r => new DataFileSource(r.Path, r.Text, BuiltIn: false)))
            .ToArray();

    public static RuleSetLoadResult Load(params (string Path, string Text)[] rules) => RuleSetLoader.Load(With(rules));

    /// <summary>The valid rule with one line replaced, for negative cases.</summary>
    public static string ValidRuleWith(string find, string replace)
    {
        Assert.Contains(find, ValidRule, StringComparison.Ordinal);
        return ValidRule.Replace(find, replace, StringComparison.Ordinal);
    }
}

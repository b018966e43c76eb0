using ComplianceAuditor.Rules.Loading;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Rules.Tests;

public sealed class RuleSetLoaderTests
{
    private const string File = "local/CMP9001.test.yaml";

    [Fact]
    public void Valid_rule_loads_with_every_field_bound()
    {
        var result = RuleFiles.Load((File, RuleFiles.ValidRule));

        Assert.Empty(result.Errors);
        var rule = Assert.Single(result.RuleSet!.Rules);
        Assert.Equal("CMP9001", rule.Id);
        Assert.Equal(Severity.High, rule.Severity);
        Assert.Equal([TargetKind.Rootfs], rule.Targets);
        Assert.Equal("text-regex", rule.Check.Kind);
        Assert.Equal(@"\bforbidden\b", rule.Check.GetString("pattern"));
        Assert.Equal(["etc/*.conf"], rule.Check.GetStringList("paths"));
        Assert.Equal(["CHK-SURF-01"], rule.Catalog);
        Assert.Equal("5.6-1", Assert.Single(rule.Provisions).Provision);
        Assert.Equal(2, rule.Tests.MustNotMatch.Count);
        Assert.False(rule.BuiltIn);
    }

    [Fact]
    public void Unknown_key_is_reported_with_file_line_and_column()
    {
        var text = RuleFiles.ValidRuleWith("severity: high", "severity: high\nsevrity: low");

        var error = Assert.Single(RuleFiles.Load((File, text)).Errors);

        Assert.Equal($"{File}:6:1", error.Location);
        Assert.Contains("unknown key 'sevrity'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_key_is_reported()
    {
        var text = RuleFiles.ValidRuleWith("remediation: Remove the word forbidden from the configuration file.\n", "");

        var error = Assert.Single(RuleFiles.Load((File, text)).Errors);

        Assert.StartsWith(File + ":", error.Location, StringComparison.Ordinal);
        Assert.Contains("missing required key 'remediation'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_outside_an_enumeration_names_the_allowed_values()
    {
        var text = RuleFiles.ValidRuleWith("severity: high", "severity: urgent");

        var error = Assert.Single(RuleFiles.Load((File, text)).Errors);

        Assert.Equal($"{File}:5:11", error.Location);
        Assert.Contains("critical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_is_an_error_at_the_second_occurrence()
    {
        var text = RuleFiles.ValidRuleWith("severity: high", "severity: high\nseverity: low");

        var error = Assert.Single(RuleFiles.Load((File, text)).Errors);

        Assert.Equal($"{File}:6:1", error.Location);
        Assert.Contains("duplicate key 'severity' (first defined at line 5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_and_aliases_are_refused()
    {
        var text = RuleFiles.ValidRuleWith("catalog: [CHK-SURF-01]", "catalog: &ids [CHK-SURF-01]\ntags: *ids");

        var error = Assert.Single(RuleFiles.Load((File, text)).Errors);

        Assert.Contains("anchors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_it_can_exhaust_the_stack()
    {
        var text = "a: " + new string('[', 200) + new string(']', 200);

        var error = Assert.Single(RuleFiles.Load((File, text)).Errors);

        Assert.Contains("nesting is deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_reports_the_parser_position()
    {
        var error = Assert.Single(RuleFiles.Load((File, "id: [unclosed\ntitle: x")).Errors);

        Assert.StartsWith(File + ":", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_scalars_stay_strings_where_the_schema_wants_numbers()
    {
        var text = RuleFiles.ValidRuleWith("schemaVersion: 1", "schemaVersion: '1'");

        var error = Assert.Single(RuleFiles.Load((File, text)).Errors);

        Assert.Equal($"{File}:2:16", error.Location);
    }

    [Fact]
    public void Built_in_data_loads_without_errors_and_has_rules_schemes_and_catalog()
    {
        var result = RuleSetLoader.Load(Array.Empty<string>());

        Assert.Empty(result.Errors);
        Assert.True(result.RuleSet!.Rules.Count >= 8, "at least eight built-in rules");
        Assert.Contains(result.RuleSet.Schemes, s => s.Id == "etsi-en-303-645");
        Assert.Contains(result.RuleSet.Schemes, s => s.Id == "ietf-suit-architecture-requirements");
        Assert.Matches("^[0-9a-f]{64}$", result.RuleSet.Sha256);
    }

    [Fact]
    public void Rule_set_hash_changes_when_any_file_changes()
    {
        var a = RuleFiles.Load((File, RuleFiles.ValidRule)).RuleSet!.Sha256;
        var b = RuleFiles.Load((File, RuleFiles.ValidRuleWith("severity: high", "severity: low"))).RuleSet!.Sha256;

        Assert.NotEqual(a, b);
    }
}

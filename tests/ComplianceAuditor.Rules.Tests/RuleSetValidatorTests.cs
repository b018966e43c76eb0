namespace ComplianceAuditor.Rules.Tests;

public sealed class RuleSetValidatorTests
{
    [Fact]
    public void Duplicate_rule_ids_are_rejected_naming_both_files()
    {
        var errors = RuleFiles.Load(("a/CMP9001.one.yaml", RuleFiles.ValidRule), ("b/CMP9001.two.yaml", RuleFiles.ValidRule)).Errors;

        var error = Assert.Single(errors);
        Assert.Contains("duplicate rule id 'CMP9001'", error.Message, StringComparison.Ordinal);
        Assert.Contains("a/CMP9001.one.yaml", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("b/CMP9001.two.yaml:3:", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_catalog_id_is_rejected_at_its_position()
    {
        var text = RuleFiles.ValidRuleWith("catalog: [CHK-SURF-01]", "catalog: [CHK-SURF-01, CHK-NOPE-99]");

        var error = Assert.Single(RuleFiles.Load(("x/CMP9001.t.yaml", text)).Errors);

        Assert.Contains("unknown catalog id 'CHK-NOPE-99'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provision_that_does_not_exist_in_the_scheme_is_rejected()
    {
        var text = RuleFiles.ValidRuleWith("provision: \"5.6-1\"", "provision: \"5.6-99\"");

        var error = Assert.Single(RuleFiles.Load(("x/CMP9001.t.yaml", text)).Errors);

        Assert.Contains("has no provision '5.6-99'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_scheme_is_rejected()
    {
        var text = RuleFiles.ValidRuleWith("scheme: etsi-en-303-645", "scheme: no-such-scheme");

        var error = Assert.Single(RuleFiles.Load(("x/CMP9001.t.yaml", text)).Errors);

        Assert.Contains("unknown scheme 'no-such-scheme'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_name_must_start_with_the_rule_id()
    {
        var error = Assert.Single(RuleFiles.Load(("x/other-name.yaml", RuleFiles.ValidRule)).Errors);

        Assert.Contains("file name must start with the rule id", error.Message, StringComparison.Ordinal);
    }
}

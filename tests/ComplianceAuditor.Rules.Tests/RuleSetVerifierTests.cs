using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Rules.Validation;

namespace ComplianceAuditor.Rules.Tests;

public sealed class RuleSetVerifierTests
{
    private const string File = "local/CMP9001.test.yaml";
    private static readonly CheckRegistry Registry = new(ContentChecks.All());

    [Fact]
    public void Valid_rule_verifies_and_its_self_tests_pass()
    {
        Assert.Empty(Verify(RuleFiles.ValidRule));
    }

    [Fact]
    public void Unknown_check_kind_lists_the_known_ones()
    {
        var error = Assert.Single(Verify(RuleFiles.ValidRuleWith("kind: text-regex", "kind: text-regexp")));

        Assert.Equal($"{File}:9:9", error.Location);
        Assert.Contains("unknown check kind 'text-regexp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("byte-pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_the_kind_does_not_use_is_rejected()
    {
        var error = Assert.Single(Verify(RuleFiles.ValidRuleWith("  paths: [\"etc/*.conf\"]", "  paths: [\"etc/*.conf\"]\n  patterns: [{name: x, ascii: abcd}]")));

        Assert.Contains("does not use parameter 'patterns'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regex_that_does_not_compile_is_rejected_at_the_pattern()
    {
        var error = Assert.Single(Verify(RuleFiles.ValidRuleWith(@"pattern: '\bforbidden\b'", "pattern: '(unclosed'")));

        Assert.Equal($"{File}:11:12", error.Location);
        Assert.Contains("not a valid regular expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_must_match_sample_is_reported_at_the_sample()
    {
        var error = Assert.Single(Verify(RuleFiles.ValidRuleWith("mustMatch: [\"this is forbidden\"]", "mustMatch: [\"this is forbidden\", \"nothing here\"]")));

        Assert.StartsWith($"{File}:19:", error.Location, StringComparison.Ordinal);
        Assert.Contains("does not match this sample", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_must_not_match_sample_is_reported()
    {
        var error = Assert.Single(Verify(RuleFiles.ValidRuleWith("\"this is allowed\"", "\"forbidden it is\"")));

        Assert.Contains("matches this sample but must not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_rule_without_self_tests_is_rejected()
    {
        var text = RuleFiles.ValidRuleWith("tests:\n  mustMatch: [\"this is forbidden\"]\n  mustNotMatch: [\"this is allowed\", \"unforbiddenly\"]", "");

        var error = Assert.Single(Verify(text));

        Assert.Contains("needs self-tests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catastrophic_pattern_is_stopped_by_its_time_limit_during_self_tests()
    {
        // A backreference forces the backtracking engine; nested quantifiers then explode on a near-miss.
        var text = RuleFiles.ValidRuleWith(@"pattern: '\bforbidden\b'", @"pattern: '^(\w)\1?(a+)+$'")
            .Replace("mustMatch: [\"this is forbidden\"]", "mustMatch: [\"aaaa\"]", StringComparison.Ordinal)
            .Replace("\"unforbiddenly\"", "\"" + new string('a', 40) + "!\"", StringComparison.Ordinal);

        var errors = Verify(text);

        Assert.Contains(errors, e => e.Message.Contains("time limit", StringComparison.Ordinal));
    }

    [Fact]
    public void History_is_accepted_on_a_per_file_rule_for_repositories()
    {
        Assert.Empty(Verify(RuleFiles.ValidRule.Replace("  targets: [rootfs]", "  targets: [rootfs, repo]\n  history: true", StringComparison.Ordinal)));
    }

    [Fact]
    public void History_on_a_rule_without_repository_targets_is_rejected()
    {
        var error = Assert.Single(Verify(RuleFiles.ValidRule.Replace("  targets: [rootfs]", "  targets: [rootfs]\n  history: true", StringComparison.Ordinal)));

        Assert.Contains("only repository targets have a history", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<RuleLoadError> Verify(string ruleText)
    {
        var loaded = RuleFiles.Load((File, ruleText));
        Assert.Empty(loaded.Errors);
        return RuleSetVerifier.Verify(loaded.RuleSet!, Registry);
    }
}

using ComplianceAuditor.Checks.Build.Hardening;
using ComplianceAuditor.Checks.Build.Tests.Support;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Build.Tests;

/// <summary>The <c>weaknesses</c> parameter of <c>build-hardening</c>, checked when a rule is loaded.</summary>
public sealed class BuildHardeningCheckTests
{
    private static RuleDefinition With(params object?[] weaknesses) =>
        RuleAudit.Rule("CMP3023") with
        {
            Check = new CheckSpec("build-hardening", new Dictionary<string, object?> { ["weaknesses"] = weaknesses.ToList() }),
        };

    [Fact]
    public void A_misspelt_code_is_a_parameter_error_naming_the_entry()
    {
        var error = Assert.Throws<CheckParameterException>(() => new BuildHardeningCheck().Prepare(With("buildroot-no-ssp", "zephyr-no-canaries"), new EngineOptions()));

        Assert.Equal("weaknesses[1]", error.Parameter);
        Assert.Contains("'zephyr-no-canaries' is neither a build weakness code nor a prefix of one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prefix_must_end_at_a_word_boundary()
    {
        Assert.Throws<CheckParameterException>(() => new BuildHardeningCheck().Prepare(With("zeph"), new EngineOptions()));
        Assert.Throws<CheckParameterException>(() => new BuildHardeningCheck().Prepare(With("build-flag-"), new EngineOptions()));
    }

    [Fact]
    public void Family_prefixes_and_codes_are_accepted_and_a_missing_list_is_not()
    {
        var check = new BuildHardeningCheck();

        Assert.NotNull(check.Prepare(With("zephyr", "build-flag"), new EngineOptions()));
        var rule = RuleAudit.Rule("CMP3023") with { Check = new CheckSpec("build-hardening", new Dictionary<string, object?>()) };
        Assert.Equal("weaknesses", Assert.Throws<CheckParameterException>(() => check.Prepare(rule, new EngineOptions())).Parameter);
    }

    [Fact]
    public void The_verifier_reports_an_unknown_code_and_an_unused_parameter()
    {
        var rule = RuleAudit.Rule("CMP3023") with
        {
            Check = new CheckSpec("build-hardening", new Dictionary<string, object?> { ["weaknesses"] = new List<object?> { "nope" }, ["pattern"] = "x" }),
        };

        var errors = RuleSetVerifier.VerifyRule(rule, new CheckRegistry(BuildChecks.All()));

        Assert.Contains(errors, e => e.Message.Contains("does not use parameter 'pattern'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'nope' is neither", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_kinds_are_registered_with_their_parameters()
    {
        var checks = BuildChecks.All().ToDictionary(c => c.Kind);

        Assert.Equal(["build-hardening", "build-hardening-coverage"], checks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["exclude", "paths", "weaknesses"], checks["build-hardening"].Parameters.Order(StringComparer.Ordinal));
        Assert.Equal(CheckScope.Target, checks["build-hardening-coverage"].Scope);
    }
}

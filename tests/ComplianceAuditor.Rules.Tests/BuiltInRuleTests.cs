using ComplianceAuditor.Checks.Content;
using ComplianceAuditor.Checks.Elf;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Engine;
using ComplianceAuditor.Rules.Loading;

namespace ComplianceAuditor.Rules.Tests;

/// <summary>Every shipped rule, one test case each: it verifies, it is documented, and it reaches a scheme.</summary>
public sealed class BuiltInRuleTests
{
    private static readonly RuleSet BuiltIn = RuleSetLoader.Load(Array.Empty<string>()).RuleSet
        ?? throw new InvalidOperationException("the built-in rules do not load; see RuleSetLoaderTests");

    public static TheoryData<string> RuleIds() => new(BuiltIn.Rules.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_verifies_including_its_self_tests(string id)
    {
        var rule = BuiltIn.FindRule(id)!;

        Assert.Empty(RuleSetVerifier.VerifyRule(rule, new CheckRegistry([.. ContentChecks.All(), .. ElfChecks.All(), .. Checks.Secrets.SecretChecks.All(), .. Checks.Update.UpdateChecks.All(), .. Checks.Repository.RepositoryChecks.All(), .. Checks.Build.BuildChecks.All(), .. Checks.CSharp.CSharpChecks.All()])));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_documented_without_placeholders(string id)
    {
        var rule = BuiltIn.FindRule(id)!;

        Assert.True(rule.BuiltIn);
        Assert.DoesNotContain("TODO", rule.Rationale + rule.Remediation, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(rule.References);
        Assert.StartsWith($"rules/", rule.Source.DisplayPath, StringComparison.Ordinal);
        Assert.StartsWith(rule.Id + ".", Path.GetFileName(rule.Source.DisplayPath), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_gives_evidence_for_at_least_one_scheme_provision(string id)
    {
        var rule = BuiltIn.FindRule(id)!;

        var reached = BuiltIn.Schemes.SelectMany(s => s.Provisions).Where(p => p.Checks.Any(rule.Catalog.Contains));

        Assert.NotEmpty(reached);
    }

    [Fact]
    public void Every_data_file_on_disk_points_editors_at_its_schema()
    {
        var rules = Path.Combine(ComplianceAuditor.Tests.Shared.RepositoryPaths.Root, "rules");
        foreach (var file in Directory.EnumerateFiles(rules, "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(rules, file).Replace('\\', '/');
            var expected = relative.StartsWith("schemes/", StringComparison.Ordinal) ? "scheme-schema.json"
                : relative.StartsWith("catalog/", StringComparison.Ordinal) ? "catalog-schema.json"
                : relative.StartsWith("declarations/", StringComparison.Ordinal) ? "facts-schema.json"
                : "../../rules-schema.json";
            Assert.True(
                File.ReadLines(file).First() == "# yaml-language-server: $schema=" + expected,
                $"rules/{relative} must start with '# yaml-language-server: $schema={expected}'");
        }
    }

    [Fact]
    public void Rule_ids_follow_the_documented_ranges()
    {
        foreach (var rule in BuiltIn.Rules)
        {
            var expected = rule.Check.Kind.StartsWith("elf-", StringComparison.Ordinal) ? "CMP1"
                : rule.Check.Kind == "csharp-analyzer" ? "CMP4"
                : rule.Targets.SequenceEqual([Core.Model.TargetKind.Repo]) ? "CMP3"
                : "CMP2";
            Assert.True(rule.Id.StartsWith(expected, StringComparison.Ordinal), $"{rule.Id} ({rule.Source.DisplayPath}) should be in the {expected}xxx range");
        }
    }
}

using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>--only runs a part of the rule set and says so; a selector that names nothing is a usage error.</summary>
public sealed class RuleSelectionTests
{
    [Fact]
    public async Task Only_the_selected_rules_run_and_the_notes_name_the_selection()
    {
        using var work = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync(
            "audit", Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs"), "--only", "CMP1*,CMP2011", "--out", work.Path, "--format", "json");

        Assert.True(exit == ExitCodes.Ok, error);
        var report = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(work.Path, "report.json")));
        var ruleIds = report["rules"]!.Select(r => (string)r["id"]!).ToArray();
        Assert.Contains("CMP2011", ruleIds);
        Assert.All(ruleIds, id => Assert.True(id.StartsWith("CMP1", StringComparison.Ordinal) || id == "CMP2011", id));
        Assert.Contains(report["notes"]!, n => ((string)n!).Contains("--only were run: CMP1*, CMP2011", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_selector_that_names_no_rule_is_a_usage_error()
    {
        using var work = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", RepositoryPaths.Examples, "--only", "CMP9*", "--out", work.Path);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--only names no rule: CMP9*", error, StringComparison.Ordinal);
    }
}

using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// The example repository (examples/make-device-repo.sh) end to end: what examples/README.md says each planted
/// problem triggers is what the audit reports.
/// </summary>
public sealed class ExampleRepositoryAuditTests
{
    [Fact]
    public async Task Secrets_only_the_history_holds_fail_on_the_commits_that_added_them()
    {
        var report = await AuditAsync();

        Assert.Equal(2, Failures(report, "CMP2005").Count(a => a.StartsWith("examplecam-repo@", StringComparison.Ordinal)));
        Assert.EndsWith("/board/cam200/rootfs-overlay/etc/cloud-agent.conf", Assert.Single(Failures(report, "CMP2017")), StringComparison.Ordinal);
        Assert.EndsWith("/scripts/fetch-isp-sdk.sh", Assert.Single(Failures(report, "CMP2018")), StringComparison.Ordinal);
        Assert.All(Failures(report, "CMP2005").Concat(Failures(report, "CMP2017")), a => Assert.Contains("@", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_process_and_build_rules_give_the_outcomes_the_examples_readme_lists()
    {
        var report = await AuditAsync();

        Assert.Equal(["examplecam-repo/configs/cam200_defconfig"], Failures(report, "CMP3022"));
        foreach (var id in new[] { "CMP3008", "CMP3010", "CMP3011", "CMP3012", "CMP3017", "CMP3018", "CMP3040" })
        {
            Assert.Equal("fail", Outcome(report, id));
        }

        foreach (var id in new[] { "CMP3001", "CMP3002", "CMP3003", "CMP3006", "CMP3007", "CMP3009", "CMP3013", "CMP3014" })
        {
            Assert.Equal("pass", Outcome(report, id));
        }

        Assert.Equal("inconclusive", Outcome(report, "CMP3028"));
    }

    [Fact]
    public async Task The_sensor_nodes_csharp_gives_the_findings_the_examples_readme_lists()
    {
        var report = await AuditAsync("--history", "none");

        Assert.Equal(["examplecam-repo/sensor-node/Program.cs"], Failures(report, "CMP4001"));
        Assert.Equal(["examplecam-repo/sensor-node/Program.cs"], Failures(report, "CMP4002"));
        Assert.Equal(["examplecam-repo/sensor-node/Updater.cs"], Failures(report, "CMP4004"));
        Assert.Equal(["examplecam-repo/sensor-node/Updater.cs"], Failures(report, "CMP4008"));
        var settings = Assert.Single(report["results"]!, r => (string)r["ruleId"]! == "CMP4001" && (string)r["artifact"]! == "examplecam-repo/sensor-node/Settings.cs");
        Assert.Equal("pass", (string)settings["outcome"]!);
        Assert.DoesNotContain("Cam200-Factory-2024!", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_only_the_head_commit_read_the_secret_rules_pass()
    {
        var report = await AuditAsync("--history", "head");

        foreach (var id in new[] { "CMP2005", "CMP2017", "CMP2018" })
        {
            Assert.Empty(Failures(report, id));
        }
    }

    private static async Task<JObject> AuditAsync(params string[] options)
    {
        using var output = new TempDirectory();
        var (exit, _, error) = await Cli.RunAsync(["audit", ExampleRepository.Path, "--out", output.Path, "--format", "json", .. options]);
        Assert.True(exit == ExitCodes.Ok, error);
        return JObject.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "report.json")));
    }

    private static List<string> Failures(JObject report, string ruleId) =>
        [.. report["results"]!.Where(r => (string)r["ruleId"]! == ruleId && (string)r["outcome"]! == "fail").Select(r => (string)r["artifact"]!)];

    /// <summary>The outcome of a rule that gives one result for the whole repository.</summary>
    private static string Outcome(JObject report, string ruleId) =>
        (string)Assert.Single(report["results"]!, r => (string)r["ruleId"]! == ruleId && (string)r["artifact"]! == "examplecam-repo")["outcome"]!;
}

using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>--show-secrets, --crack-time and --previous from the command line to the report.</summary>
public sealed class SecretOptionTests
{
    [Fact]
    public async Task Secrets_are_redacted_unless_asked_for_and_the_report_says_which()
    {
        using var work = new TempDirectory();
        var target = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");

        var (hiddenExit, _, hiddenError) = await Cli.RunAsync("audit", target, "--out", Path.Combine(work.Path, "hidden"), "--format", "json,sarif");
        var (shownExit, _, shownError) = await Cli.RunAsync("audit", target, "--out", Path.Combine(work.Path, "shown"), "--format", "json,sarif", "--show-secrets");

        Assert.True(hiddenExit == ExitCodes.Ok, hiddenError);
        Assert.True(shownExit == ExitCodes.Ok, shownError);
        var hidden = await File.ReadAllTextAsync(Path.Combine(work.Path, "hidden", "report.json"));
        var shown = await File.ReadAllTextAsync(Path.Combine(work.Path, "shown", "report.json"));
        Assert.False((bool)JObject.Parse(hidden)["secretsShown"]!);
        Assert.True((bool)JObject.Parse(shown)["secretsShown"]!);
        // The Wi-Fi passphrase and the Mirai password of the example, in no output unless shown.
        foreach (var secret in new[] { "Cam200-Setup-4417", "password support" })
        {
            Assert.DoesNotContain(secret, hidden, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(Path.Combine(work.Path, "hidden", "report.sarif")), StringComparison.Ordinal);
            Assert.Contains(secret, shown, StringComparison.Ordinal);
        }

        Assert.Contains("\"secretsShown\": true", await File.ReadAllTextAsync(Path.Combine(work.Path, "shown", "report.sarif")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_earlier_release_is_compared_for_shared_secrets_and_named_in_the_notes()
    {
        using var work = new TempDirectory();
        var target = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");
        var previous = Path.Combine(RepositoryPaths.Examples, "firmware", "examplecam-fw.bin");

        var (exit, _, error) = await Cli.RunAsync("audit", target, "--previous", previous, "--out", work.Path, "--format", "json");

        Assert.True(exit == ExitCodes.Ok, error);
        var report = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(work.Path, "report.json")));
        var shared = report["results"]!.Single(r => (string)r["ruleId"]! == "CMP2028");
        Assert.Equal("fail", (string)shared["outcome"]!);
        Assert.Contains(report["notes"]!, n => ((string)n!).StartsWith("examplecam-fw.bin: earlier release compared for shared secrets and rollback counters only", StringComparison.Ordinal));
        // The earlier release is not audited: no result is about one of its files.
        Assert.DoesNotContain(report["results"]!, r => ((string)r["artifact"]!).StartsWith("examplecam-fw.bin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_negative_crack_time_is_a_usage_error()
    {
        using var work = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", RepositoryPaths.Examples, "--out", work.Path, "--crack-time", "-1");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--crack-time", error, StringComparison.Ordinal);
    }
}

using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public async Task Verify_passes_on_the_built_in_rules()
    {
        var (exit, output, _) = await Cli.RunAsync("rules", "verify");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("rules verified:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_exits_3_on_a_failing_self_test()
    {
        using var rules = new TempDirectory();
        rules.Write("CMP9001.local.yaml", """
            schemaVersion: 1
            id: CMP9001
            title: Local rule whose self-test is wrong
            severity: low
            appliesTo: { targets: [rootfs] }
            check: { kind: text-regex, paths: [etc/motd], pattern: 'hello' }
            catalog: [CHK-SURF-01]
            rationale: A rule written to prove that failing self-tests stop verification.
            remediation: Fix the sample or the pattern so that they agree again.
            tests: { mustMatch: [goodbye], mustNotMatch: [other] }
            """);

        var (exit, _, error) = await Cli.RunAsync("rules", "verify", "--rules", rules.Path);

        Assert.Equal(ExitCodes.InvalidRules, exit);
        Assert.Contains("CMP9001.local.yaml:10:22: self-test failed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_and_show_describe_the_rules()
    {
        var (listExit, list, _) = await Cli.RunAsync("rules", "list");
        var (showExit, show, _) = await Cli.RunAsync("rules", "show", "CMP2001");
        var (missingExit, _, _) = await Cli.RunAsync("rules", "show", "CMP0000");

        Assert.Equal(ExitCodes.Ok, listExit);
        Assert.Contains("CMP2001\tcritical\ttext-regex\tCHK-CRED-01", list, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, showExit);
        Assert.Contains("etsi-en-303-645:5.1-1", show, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missingExit);
    }
}

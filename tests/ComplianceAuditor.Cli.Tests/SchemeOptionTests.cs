using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Cli.Tests;

/// <summary><c>--scheme</c>, <c>--fail-on-scheme</c>, <c>--waivers</c>, <c>schemes list/show</c> and <c>declare --init</c>.</summary>
public sealed class SchemeOptionTests
{
    private static readonly string Firmware = Path.Combine(RepositoryPaths.Examples, "firmware", "examplecam-fw.bin");
    private static readonly string Waivers = Path.Combine(RepositoryPaths.Examples, "waivers", "examplecam.yaml");

    [Fact]
    public async Task Scheme_selects_what_is_rated_and_derived_schemes_are_still_judged()
    {
        var report = await DeclarationAuditTests.AuditAsync(["--scheme", "uk-psti,sg-cls"]);

        Assert.Equal(["sg-cls", "uk-psti"], report["schemes"]!.Select(s => (string)s["id"]!));
        // uk-psti derives from EN 303 645, which is judged for it although not reported.
        Assert.NotEmpty(DeclarationAuditTests.Provision(report, "uk-psti", "Sch1-1")["derived"]!);
    }

    [Fact]
    public async Task Fail_on_scheme_fails_the_exit_code_only_for_a_failed_rating()
    {
        using var outDir = new TempDirectory();

        var clean = Path.Combine(RepositoryPaths.Examples, "clean-rootfs");

        var (failed, _, error) = await Cli.RunAsync(["audit", Firmware, "--out", outDir.Path, "--format", "json", "--fail-on-scheme", "uk-psti"]);
        // The clean example fails nothing UK PSTI checks, but cannot prove all of it either: INCOMPLETE does not gate.
        var (incomplete, _, _) = await Cli.RunAsync(["audit", clean, "--out", outDir.Path, "--format", "json", "--fail-on-scheme", "uk-psti"]);

        Assert.Equal(ExitCodes.FindingsAtThreshold, failed);
        Assert.Contains("scheme uk-psti failed", error, StringComparison.Ordinal);
        var report = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(outDir.Path, "report.json")));
        Assert.Equal("INCOMPLETE", (string)DeclarationAuditTests.Scheme(report, "uk-psti")["rating"]!["label"]!);
        Assert.False((bool)DeclarationAuditTests.Scheme(report, "uk-psti")["rating"]!["failed"]!);
        Assert.Equal(ExitCodes.Ok, incomplete);
    }

    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { ["--scheme", "no-such-scheme"], "unknown scheme id(s): no-such-scheme" },
        { ["--fail-on-scheme", "nope"], "unknown scheme id(s): nope" },
        { ["--scheme", "uk-psti", "--fail-on-scheme", "sg-cls"], "not selected with --scheme: sg-cls" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Unknown_or_unselected_schemes_are_usage_errors(string[] options, string message)
    {
        using var outDir = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync(["audit", Firmware, "--out", outDir.Path, "--format", "json", .. options]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waived_failures_stay_visible_counted_apart_and_an_expired_waiver_no_longer_applies()
    {
        using var outDir = new TempDirectory();
        var (exit, output, error) = await Cli.RunAsync(["audit", Firmware, "--out", outDir.Path, "--format", "json,sarif", "--waivers", Waivers, "--fail-on", "critical"]);
        Assert.True(exit == ExitCodes.FindingsAtThreshold, error);
        var report = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(outDir.Path, "report.json")));

        var rpath = report["results"]!.Single(r => (string)r["ruleId"]! == "CMP1006" && (string)r["outcome"]! == "fail");
        Assert.True((bool)rpath["waiver"]!["applied"]!);
        Assert.Equal("2026-06-30", (string)rpath["waiver"]!["expires"]!);
        var telnet = report["results"]!.Where(r => (string)r["ruleId"]! == "CMP2003" && (string)r["outcome"]! == "fail").ToArray();
        Assert.NotEmpty(telnet);
        Assert.All(telnet, r => Assert.False((bool)r["waiver"]!["applied"]!));

        Assert.Equal(1, (int)report["summary"]!["waived"]!);
        Assert.Equal(1, (int)report["waivers"]!["applied"]!);
        Assert.Equal(telnet.Length, (int)report["waivers"]!["expired"]!);
        Assert.Contains("1 failure(s) waived", output, StringComparison.Ordinal);
        Assert.Contains("WAIVED high     CMP1006", output, StringComparison.Ordinal);
        // SARIF keeps the waived result, suppressed as accepted (code scanning shows it dismissed, with why).
        var sarif = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(outDir.Path, "report.sarif")));
        var suppressed = Assert.Single(sarif["runs"]![0]!["results"]!, r => r["suppressions"] is not null);
        Assert.Equal("CMP1006", (string)suppressed["ruleId"]!);
        Assert.Equal("accepted", (string)suppressed["suppressions"]![0]!["status"]!);
        Assert.Contains(sarif["runs"]![0]!["results"]!, r => (string)r["ruleId"]! == "CMP2003" && r["properties"]!["expiredWaiver"] is not null);
        // The waived failure no longer fails the provisions it is linked to on its own, and they say why.
        Assert.Contains(report["schemes"]!.SelectMany(s => s["provisions"]!), p => (int)p["waived"]! > 0
            && p["reasons"]!.Values<string>().Any(r => r!.Contains("waived until 2026-06-30", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_waiver_that_names_no_failure_is_listed_as_unused()
    {
        using var dir = new TempDirectory();
        var waivers = Path.Combine(dir.Path, "w.yaml");
        await File.WriteAllTextAsync(waivers, "schemaVersion: 1\nwaivers:\n  - { rule: CMP1006, artifact: \"other.bin!/**\", justification: not this image at all, approver: x, expires: 2030-01-01 }\n");

        var report = await DeclarationAuditTests.AuditAsync(["--waivers", waivers]);

        Assert.Equal(0, (int)report["summary"]!["waived"]!);
        Assert.StartsWith("w.yaml:3:5", (string)report["waivers"]!["unused"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schemes_list_and_show_describe_every_provision_with_how_it_is_assessed()
    {
        var (listExit, list, _) = await Cli.RunAsync(["schemes", "list"]);
        var (showExit, show, _) = await Cli.RunAsync(["schemes", "show", "uk-psti"]);
        var (missingExit, _, missing) = await Cli.RunAsync(["schemes", "show", "nope"]);

        Assert.Equal(ExitCodes.Ok, listExit);
        Assert.Contains("etsi-en-303-645\tstandard\tmandatoryShare\t68\t33\t", list, StringComparison.Ordinal);
        Assert.Contains("au-star-rating-model\tmodel\tstars\t", list, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, showExit);
        Assert.Contains("Sch1-1\tmandatory\t1, 2\tautomated: CHK-CRED-01", show, StringComparison.Ordinal);
        Assert.Contains("etsi-en-303-645:5.1-1", show, StringComparison.Ordinal);
        Assert.Contains("; declaration", show, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missingExit);
        Assert.Contains("no scheme with id 'nope'", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declare_init_writes_a_template_the_audit_accepts_and_never_overwrites_one()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "declaration.yaml");

        var (exit, _, _) = await Cli.RunAsync(["declare", "--init", "--scheme", "uk-psti", "--out", path]);
        var (again, _, refused) = await Cli.RunAsync(["declare", "--init", "--out", path]);
        var report = await DeclarationAuditTests.AuditAsync(["--declaration", path, "--scheme", "uk-psti"]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("# \"Sch1-3\": { met: true", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, again);
        Assert.Contains("--force", refused, StringComparison.Ordinal);
        Assert.Empty(report["declaration"]!["facts"]!);
    }

    [Fact]
    public async Task Declare_init_to_a_name_that_cannot_be_a_file_is_a_usage_error()
    {
        var (exit, _, error) = await Cli.RunAsync(["declare", "--init", "--out", ""]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("not a file name that can be written", error, StringComparison.Ordinal);
    }
}

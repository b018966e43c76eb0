using System.Security.Cryptography;
using ComplianceAuditor.Reporting.Sarif;
using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// <c>audit --baseline</c> end to end against the committed samples: each SARIF failure is new or unchanged by
/// fingerprint, a failure that is gone comes back as an absent result, report.json counts them, both files stay
/// valid against their schemas, and a baseline that cannot be read stops the audit as a usage error.
/// </summary>
public sealed class BaselineOptionTests
{
    private const string SarifSchema = "schemas/sarif-schema-2.1.0.json";

    private static readonly string Vulnerable = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");
    private static readonly string Samples = Path.Combine(RepositoryPaths.Reports, "samples");

    [SharedFact(SarifSchema)]
    public async Task Against_the_clean_sample_every_failure_is_new()
    {
        var baseline = Path.Combine(Samples, "clean-rootfs", "report.sarif");

        var (sarif, json) = await AuditAsync(Vulnerable, baseline);

        var failures = Results(sarif, "fail");
        Assert.Equal(45, failures.Count);
        Assert.All(failures, r => Assert.Equal("new", (string)r["baselineState"]!));
        Assert.Empty(Absent(sarif));
        var expected = new JObject { ["source"] = "report.sarif", ["sha256"] = Sha256(baseline), ["new"] = 45, ["unchanged"] = 0, ["absent"] = 0, ["skipped"] = 0 };
        Assert.True(JToken.DeepEquals(expected, json["baseline"]), json["baseline"]?.ToString());
    }

    [SharedFact(SarifSchema)]
    public async Task Against_its_own_sample_every_failure_is_unchanged_and_nothing_is_absent()
    {
        var (sarif, json) = await AuditAsync(Vulnerable, Path.Combine(Samples, "vulnerable-rootfs", "report.sarif"));

        Assert.All(Results(sarif, "fail"), r => Assert.Equal("unchanged", (string)r["baselineState"]!));
        Assert.Empty(Absent(sarif));
        Assert.Equal(45, (int)json["baseline"]!["unchanged"]!);
        Assert.Equal(0, (int)json["baseline"]!["new"]!);
        Assert.Equal(0, (int)json["baseline"]!["absent"]!);
        Assert.True(JToken.DeepEquals(json["baseline"], sarif["runs"]![0]!["properties"]!["baseline"]));
    }

    [SharedFact(SarifSchema)]
    public async Task A_failure_the_audit_no_longer_finds_is_an_absent_result_and_one_of_a_rule_not_run_is_skipped()
    {
        using var folder = new TempDirectory();
        var log = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(Samples, "vulnerable-rootfs", "report.sarif")));
        var results = (JArray)log["runs"]![0]!["results"]!;
        var gone = (JObject)results.First(r => (string)r["ruleId"]! == "CMP2001").DeepClone();
        gone["partialFingerprints"]![SarifReportWriter.FingerprintKey] = "v1:0123456789abcdef0123456789abcdef";
        gone["message"]!["text"] = "an account that had a default password";
        results.Add(gone);
        var retired = (JObject)gone.DeepClone();
        retired["ruleId"] = "CMP9999";
        retired["partialFingerprints"]![SarifReportWriter.FingerprintKey] = "v1:fedcba9876543210fedcba9876543210";
        results.Add(retired);
        var baseline = folder.Write("baseline/report.sarif", log.ToString());

        var (sarif, json) = await AuditAsync(Vulnerable, Path.GetDirectoryName(baseline)!);

        var absent = Assert.Single(Absent(sarif));
        Assert.Equal("CMP2001", (string)absent["ruleId"]!);
        Assert.Equal("pass", (string)absent["kind"]!);
        Assert.Equal("none", (string)absent["level"]!);
        Assert.Equal("an account that had a default password", (string)absent["message"]!["text"]!);
        Assert.Equal("v1:0123456789abcdef0123456789abcdef", (string)absent["partialFingerprints"]![SarifReportWriter.FingerprintKey]!);
        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!;
        Assert.Equal("CMP2001", (string)rules[(int)absent["ruleIndex"]!]!["id"]!);
        // /etc/shadow is still there, so the absent result points at it as the run's own results do.
        var location = absent["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("etc/shadow", (string)location["artifactLocation"]!["uri"]!);
        Assert.Equal("etc/shadow", (string)sarif["runs"]![0]!["artifacts"]![(int)location["artifactLocation"]!["index"]!]!["location"]!["uri"]!);
        Assert.Equal(1, (int)location["region"]!["startLine"]!);
        Assert.All(Results(sarif, "fail"), r => Assert.Equal("unchanged", (string)r["baselineState"]!));
        Assert.Equal(1, (int)json["baseline"]!["absent"]!);
        Assert.Equal(1, (int)json["baseline"]!["skipped"]!);
        Assert.Equal("baseline/report.sarif", (string)json["baseline"]!["source"]!);
    }

    [Fact]
    public async Task A_folder_holding_only_a_report_json_is_a_baseline_too()
    {
        using var folder = new TempDirectory();
        File.Copy(Path.Combine(Samples, "vulnerable-rootfs", "report.json"), Path.Combine(folder.Path, "report.json"));
        using var output = new TempDirectory();

        var (exit, stdout, error) = await Cli.RunAsync("audit", Vulnerable, "--out", output.Path, "--format", "json", "--baseline", folder.Path);

        Assert.True(exit == ExitCodes.Ok, error);
        var json = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "report.json")));
        Assert.Equal($"{Path.GetFileName(folder.Path)}/report.json", (string)json["baseline"]!["source"]!);
        Assert.Equal(45, (int)json["baseline"]!["unchanged"]!);
        Assert.Contains("0 new, 45 unchanged, 0 absent", stdout, StringComparison.Ordinal);
    }

    [SharedFact(SarifSchema)]
    public async Task A_waived_failure_keeps_its_suppression_and_gets_a_baseline_state()
    {
        var firmware = Path.Combine(RepositoryPaths.Examples, "firmware", "examplecam-fw.bin");
        var declared = Path.Combine(Samples, "examplecam-fw-declared", "report.sarif");

        var (sarif, _) = await AuditAsync(
            firmware, declared,
            "--declaration", Path.Combine(RepositoryPaths.Examples, "declarations", "examplecam.yaml"),
            "--waivers", Path.Combine(RepositoryPaths.Examples, "waivers", "examplecam.yaml"));

        var waived = Assert.Single(Results(sarif, "fail"), r => r["suppressions"] is not null);
        Assert.Equal("accepted", (string)waived["suppressions"]![0]!["status"]!);
        Assert.Equal("unchanged", (string)waived["baselineState"]!);
    }

    [Fact]
    public async Task Without_a_baseline_nothing_about_one_is_written()
    {
        using var output = new TempDirectory();

        var (exit, _, error) = await Cli.RunAsync("audit", Vulnerable, "--out", output.Path, "--format", "json,sarif");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Null(JObject.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "report.json")))["baseline"]);
        Assert.DoesNotContain("baselineState", await File.ReadAllTextAsync(Path.Combine(output.Path, "report.sarif")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.sarif", null, "no such file or folder")]
    [InlineData("report.sarif", "{\"version\": \"2.0.0\", \"runs\": []}", "only SARIF 2.1.0 logs are read")]
    [InlineData("report.json", "{\"schemaVersion\": 1, \"results\": [", "not valid JSON")]
    [InlineData("report.json", "", "the file is empty")]
    public async Task A_baseline_that_cannot_be_read_stops_the_audit_before_it_runs(string name, string? content, string reason)
    {
        using var folder = new TempDirectory();
        var baseline = content is null ? Path.Combine(folder.Path, name) : folder.Write(name, content);
        var output = Path.Combine(folder.Path, "out");

        var (exit, _, error) = await Cli.RunAsync("audit", Vulnerable, "--out", output, "--format", "json,sarif", "--baseline", baseline);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"error: baseline '{baseline}': ", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    /// <summary>Audits into a fresh folder and returns both reports, each checked against its schema first.</summary>
    [Fact]
    public async Task The_markdown_summary_says_what_is_new_since_the_baseline()
    {
        using var output = new TempDirectory();
        var baseline = Path.Combine(Samples, "clean-rootfs", "report.sarif");

        var (exit, _, error) = await Cli.RunAsync("audit", Vulnerable, "--out", output.Path, "--format", "md", "--baseline", baseline);

        Assert.True(exit == ExitCodes.Ok, error);
        var markdown = await File.ReadAllTextAsync(Path.Combine(output.Path, "report.md"));
        Assert.Contains($"- **Baseline:** report.sarif (sha256 {Sha256(baseline)}): 45 new failure(s), 0 unchanged, 0 gone since.", markdown, StringComparison.Ordinal);
    }

    private static async Task<(JObject Sarif, JObject Json)> AuditAsync(string target, string baseline, params string[] options)
    {
        using var output = new TempDirectory();
        var (exit, _, error) = await Cli.RunAsync(["audit", target, "--out", output.Path, "--format", "json,sarif", "--baseline", baseline, .. options]);
        Assert.True(exit == ExitCodes.Ok, error);

        var sarif = await File.ReadAllTextAsync(Path.Combine(output.Path, "report.sarif"));
        var sarifSchema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "schemas", "sarif-schema-2.1.0.json"));
        var sarifErrors = sarifSchema.Validate(sarif);
        Assert.True(sarifErrors.Count == 0, string.Join("\n", sarifErrors.Select(e => $"{e.Path}: {e.Kind}")));

        var json = await File.ReadAllTextAsync(Path.Combine(output.Path, "report.json"));
        var reportSchema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Reports, "report.schema.json"));
        Assert.Empty(reportSchema.Validate(json));
        return (JObject.Parse(sarif), JObject.Parse(json));
    }

    private static List<JToken> Results(JObject sarif, string kind) =>
        [.. sarif["runs"]![0]!["results"]!.Where(r => (string)r["kind"]! == kind)];

    private static List<JToken> Absent(JObject sarif) =>
        [.. sarif["runs"]![0]!["results"]!.Where(r => (string?)r["baselineState"] == "absent")];

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}

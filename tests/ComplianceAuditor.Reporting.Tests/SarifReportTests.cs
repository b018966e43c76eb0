using ComplianceAuditor.Reporting.Sarif;
using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ComplianceAuditor.Reporting.Tests;

public sealed class SarifReportTests
{
    private static readonly string Vulnerable = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");

    [SharedFact("schemas/sarif-schema-2.1.0.json")]
    public async Task Sarif_is_valid_against_the_sarif_2_1_0_schema()
    {
        var sarif = await SampleAudit.RenderAsync(new SarifReportWriter(), await SampleAudit.RunAsync(Vulnerable));
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "schemas", "sarif-schema-2.1.0.json"));

        var errors = schema.Validate(sarif);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task Failures_become_results_with_fingerprints_and_locations_and_rules_carry_catalog_tags()
    {
        var report = await SampleAudit.RunAsync(Vulnerable);
        var sarif = JObject.Parse(await SampleAudit.RenderAsync(new SarifReportWriter(), report));
        var run = sarif["runs"]![0]!;

        var failures = report.Results.Where(r => r.Outcome == "fail").ToArray();
        var results = run["results"]!.Where(r => (string)r["kind"]! == "fail").ToArray();
        Assert.Equal(failures.Length, results.Length);
        Assert.Equal(failures.Select(f => f.Fingerprint), results.Select(r => (string)r["partialFingerprints"]![SarifReportWriter.FingerprintKey]!));

        var shadow = results.First(r => (string)r["ruleId"]! == "CMP2001");
        var location = shadow["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("etc/shadow", (string)location["artifactLocation"]!["uri"]!);
        Assert.Equal("vulnerable-rootfs", (string)location["artifactLocation"]!["uriBaseId"]!);
        Assert.Equal(1, (int)location["region"]!["startLine"]!);

        var rule = run["tool"]!["driver"]!["rules"]!.First(r => (string)r["id"]! == "CMP2001");
        var tags = rule["properties"]!["tags"]!.Select(t => (string)t!).ToArray();
        Assert.Contains("CHK-CRED-01", tags);
        Assert.Contains("etsi-en-303-645:5.1-1", tags);
        Assert.False(string.IsNullOrEmpty((string?)rule["help"]!["markdown"]));
    }

    [Fact]
    public async Task Same_inputs_give_byte_identical_sarif()
    {
        var first = await SampleAudit.RenderAsync(new SarifReportWriter(), await SampleAudit.RunAsync(Vulnerable));
        var second = await SampleAudit.RenderAsync(new SarifReportWriter(), await SampleAudit.RunAsync(Vulnerable));

        Assert.Equal(first, second);
    }
}

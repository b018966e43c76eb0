using ComplianceAuditor.Reporting.Json;
using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ComplianceAuditor.Reporting.Tests;

public sealed class JsonReportTests
{
    [Fact]
    public async Task Report_of_the_vulnerable_example_is_valid_against_the_report_schema()
    {
        var json = await SampleAudit.RenderAsync(new JsonReportWriter(), await SampleAudit.RunAsync(Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs")));
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Reports, "report.schema.json"));

        var errors = schema.Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task Schema_rejects_a_non_pass_result_without_a_reason()
    {
        var report = JObject.Parse(await SampleAudit.RenderAsync(new JsonReportWriter(), await SampleAudit.RunAsync(Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs"))));
        var failure = report["results"]!.First(r => (string)r["outcome"]! == "fail");
        ((JObject)failure).Remove("reason");
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Reports, "report.schema.json"));

        Assert.NotEmpty(schema.Validate(report));
    }

    [Fact]
    public async Task Same_inputs_give_byte_identical_json()
    {
        var target = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");

        var first = await SampleAudit.RenderAsync(new JsonReportWriter(), await SampleAudit.RunAsync(target));
        var second = await SampleAudit.RenderAsync(new JsonReportWriter(), await SampleAudit.RunAsync(target));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Contract_fields_are_camel_case_and_absolute_paths_never_appear()
    {
        var target = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");
        var json = await SampleAudit.RenderAsync(new JsonReportWriter(), await SampleAudit.RunAsync(target));
        var report = JObject.Parse(json);

        Assert.DoesNotContain(RepositoryPaths.Root, json, StringComparison.Ordinal);
        var result = (JObject)report["results"]!.First(r => (string)r["outcome"]! == "fail");
        Assert.Equal(["ruleId", "catalog", "outcome", "severity", "artifact", "message", "reason", "evidence", "fingerprint"], result.Properties().Select(p => p.Name));
        Assert.StartsWith("vulnerable-rootfs/", (string)result["artifact"]!, StringComparison.Ordinal);
        Assert.Contains("\"generatedAt\": \"2026-01-01T00:00:00+00:00\"", json, StringComparison.Ordinal);
    }
}

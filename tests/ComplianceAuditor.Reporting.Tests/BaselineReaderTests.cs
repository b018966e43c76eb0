using System.Security.Cryptography;
using ComplianceAuditor.Reporting.Baseline;
using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>
/// The baseline of <c>audit --baseline</c>: the failures of a committed sample read the same from its SARIF log and
/// its report.json, a folder is read by its SARIF log first, and every kind of bad input is one clear error.
/// </summary>
public sealed class BaselineReaderTests
{
    private static readonly string Samples = Path.Combine(RepositoryPaths.Reports, "samples");

    [Theory]
    [InlineData("vulnerable-rootfs")]
    [InlineData("examplecam-fw")]
    [InlineData("examplecam-fw-declared")]
    [InlineData("examplecam-repo")]
    public void A_samples_sarif_log_and_report_json_give_the_same_failures_with_the_same_locations(string sample)
    {
        var sarif = BaselineReader.Read(Path.Combine(Samples, sample, "report.sarif"));
        var json = BaselineReader.Read(Path.Combine(Samples, sample, "report.json"));

        var failing = JObject.Parse(File.ReadAllText(Path.Combine(Samples, sample, "report.json")))["results"]!
            .Where(r => (string)r["outcome"]! == "fail").Select(r => (string)r["fingerprint"]!).Distinct().ToArray();
        Assert.NotEmpty(failing);
        Assert.Equal(failing, json.Failures.Select(f => f.Fingerprint));
        // The SARIF writer gives the virtual paths back as artifact URIs and container chains; reading undoes it.
        Assert.Equal(json.Failures, sarif.Failures);
    }

    [Fact]
    public void A_failure_keeps_its_rule_message_and_first_location()
    {
        var baseline = BaselineReader.Read(Path.Combine(Samples, "vulnerable-rootfs", "report.sarif"));

        var shadow = baseline.Failures.First(f => f.RuleId == "CMP2001");
        Assert.Equal("vulnerable-rootfs/etc/shadow", shadow.Location!.Path);
        Assert.Equal(1, shadow.Location.StartLine);
        Assert.False(string.IsNullOrWhiteSpace(shadow.Message));
        Assert.Matches("^v1:[0-9a-f]{32}$", shadow.Fingerprint);
    }

    [Fact]
    public void The_source_is_named_without_where_it_lies_and_the_hash_is_of_the_files_bytes()
    {
        var file = Path.Combine(Samples, "vulnerable-rootfs", "report.sarif");

        var byFile = BaselineReader.Read(file);
        var byFolder = BaselineReader.Read(Path.Combine(Samples, "vulnerable-rootfs"));

        Assert.Equal("report.sarif", byFile.Source);
        Assert.Equal("vulnerable-rootfs/report.sarif", byFolder.Source);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), byFile.Sha256);
        Assert.Equal(byFile.Sha256, byFolder.Sha256);
    }

    [Fact]
    public void A_folder_with_only_a_report_json_is_read_by_it()
    {
        using var folder = new TempDirectory();
        File.Copy(Path.Combine(Samples, "vulnerable-rootfs", "report.json"), Path.Combine(folder.Path, "report.json"));

        var baseline = BaselineReader.Read(folder.Path);

        Assert.EndsWith("/report.json", baseline.Source, StringComparison.Ordinal);
        Assert.Equal(45, baseline.Failures.Count);
    }

    [Fact]
    public void A_clean_report_has_no_failures()
    {
        Assert.Empty(BaselineReader.Read(Path.Combine(Samples, "clean-rootfs")).Failures);
    }

    [Fact]
    public void Only_failures_with_our_fingerprint_count_and_a_result_without_a_kind_is_a_failure()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("other.sarif", """
            {"version": "2.1.0", "runs": [{"results": [
              {"ruleId": "CMP2001", "message": {"text": "default kind"}, "partialFingerprints": {"complianceAuditor/v1": "v1:00000000000000000000000000000001"}},
              {"ruleId": "CMP2001", "kind": "review", "message": {"text": "undecided"}, "partialFingerprints": {"complianceAuditor/v1": "v1:00000000000000000000000000000002"}},
              {"ruleId": "CMP2001", "kind": "pass", "baselineState": "absent", "message": {"text": "gone"}, "partialFingerprints": {"complianceAuditor/v1": "v1:00000000000000000000000000000003"}},
              {"ruleId": "X1", "kind": "fail", "message": {"text": "another tool"}, "partialFingerprints": {"primaryLocationLineHash": "abc"}},
              {"ruleId": "CMP2001", "message": {"text": "the same again"}, "partialFingerprints": {"complianceAuditor/v1": "v1:00000000000000000000000000000001"}}
            ]}]}
            """);

        var failure = Assert.Single(BaselineReader.Read(file).Failures);

        Assert.Equal(new BaselineFailure("v1:00000000000000000000000000000001", "CMP2001", "default kind", null), failure);
    }

    [Fact]
    public void A_missing_file_or_a_folder_without_a_report_names_the_path()
    {
        using var folder = new TempDirectory();
        var missing = Path.Combine(folder.Path, "nothing.sarif");

        Assert.Equal($"baseline '{missing}': no such file or folder", Assert.Throws<BaselineException>(() => BaselineReader.Read(missing)).Message);
        Assert.Contains("holds neither report.sarif nor report.json", Fails(folder.Path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("report.sarif? no", "not valid JSON")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [", "not valid JSON")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [], \"runs\": []}", "not valid JSON")]
    [InlineData("[1, 2]", "the document is not a JSON object")]
    [InlineData("{\"name\": \"something else\"}", "neither the 'version' and 'runs' of a SARIF log nor the 'schemaVersion' of a report")]
    [InlineData("{\"version\": \"2.0.0\", \"runs\": []}", "$.version is '2.0.0': only SARIF 2.1.0 logs are read")]
    [InlineData("{\"version\": \"2.1.0\"}", "$.runs is missing")]
    [InlineData("{\"schemaVersion\": 2, \"results\": []}", "$.schemaVersion is 2: only reports of schema version 1 are read")]
    [InlineData("{\"schemaVersion\": 1}", "$.results is missing")]
    [InlineData("{\"schemaVersion\": 1, \"results\": [{\"outcome\": \"fail\", \"ruleId\": \"CMP2001\", \"message\": \"m\"}]}", "$.results[0].fingerprint is missing")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [7]}]}", "$.runs[0].results[0] is a number, expected an object")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"partialFingerprints\": {\"complianceAuditor/v1\": 5}}]}]}",
        "$.runs[0].results[0].partialFingerprints.complianceAuditor/v1 is a number, expected a string")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"message\": {\"text\": \"m\"}, \"partialFingerprints\": {\"complianceAuditor/v1\": \"v1:x\"}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"index\": 3}}}]}]}]}",
        "$.runs[0].results[0].locations[0].physicalLocation.artifactLocation.index refers to artifact 3, but the run lists 0")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"message\": {\"text\": \"m\"}, \"partialFingerprints\": {\"complianceAuditor/v1\": \"v1:x\"}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"a\"}, \"region\": {\"startLine\": 0}}}]}]}]}",
        "$.runs[0].results[0].locations[0].physicalLocation.region.startLine is not a whole number of at least 1")]
    public void Bad_content_is_one_error_naming_the_file_and_the_reason(string content, string reason)
    {
        using var folder = new TempDirectory();
        var file = folder.Write("report.sarif", content);

        var message = Fails(file);

        Assert.StartsWith($"baseline '{file}': ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_sample_is_not_valid_json()
    {
        using var folder = new TempDirectory();
        var bytes = File.ReadAllBytes(Path.Combine(Samples, "vulnerable-rootfs", "report.sarif"));
        var file = folder.Write("report.sarif", bytes[..(bytes.Length / 2)]);

        Assert.Contains("not valid JSON", Fails(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_refused_before_it_is_walked()
    {
        using var folder = new TempDirectory();
        var deep = "{\"version\": \"2.1.0\", \"runs\": [{\"properties\": " + string.Concat(Enumerable.Repeat("[", 80)) + string.Concat(Enumerable.Repeat("]", 80)) + "}]}";
        var file = folder.Write("report.sarif", deep);

        var message = Fails(file);

        Assert.Contains("not valid JSON", message, StringComparison.Ordinal);
        Assert.Contains("64", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_containers_deeper_than_64_is_refused()
    {
        using var folder = new TempDirectory();
        var artifacts = Enumerable.Range(0, 70).Select(i => i == 0
            ? new JObject { ["location"] = new JObject { ["uri"] = "fw.bin", ["uriBaseId"] = "fw.bin" } }
            : new JObject { ["location"] = new JObject { ["uri"] = $"{i}.img" }, ["parentIndex"] = i - 1 });
        var log = new JObject
        {
            ["version"] = "2.1.0",
            ["runs"] = new JArray(new JObject
            {
                ["artifacts"] = new JArray(artifacts),
                ["results"] = new JArray(new JObject
                {
                    ["message"] = new JObject { ["text"] = "m" },
                    ["partialFingerprints"] = new JObject { ["complianceAuditor/v1"] = "v1:00000000000000000000000000000001" },
                    ["locations"] = new JArray(new JObject { ["physicalLocation"] = new JObject { ["artifactLocation"] = new JObject { ["index"] = 69 } } }),
                }),
            }),
        };
        var file = folder.Write("report.sarif", log.ToString());

        Assert.Contains("deeper than 64", Fails(file), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_2_GiB_is_refused_without_being_read()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "report.sarif");
        using (var sparse = new FileStream(file, FileMode.CreateNew))
        {
            sparse.SetLength(BaselineReader.MaxBytes);
        }

        Assert.Contains("too large: 2147483648 bytes", Fails(file), StringComparison.Ordinal);
    }

    [UnixFact("/dev/zero")]
    public void A_device_that_never_ends_is_not_read_past_its_size()
    {
        Assert.Contains("cannot be read: it yields more bytes than its size says", Fails("/dev/zero"), StringComparison.Ordinal);
    }

    private static string Fails(string path) => Assert.Throws<BaselineException>(() => BaselineReader.Read(path)).Message;
}

using System.Text;
using System.Text.Json.Nodes;
using ComplianceAuditor.Comparison.Reading;
using ComplianceAuditor.Tests.Shared;
using static ComplianceAuditor.Comparison.Tests.ComparisonFixtures;

namespace ComplianceAuditor.Comparison.Tests;

public sealed class ReportReaderTests
{
    [Fact]
    public void Reads_the_fields_a_comparison_needs_from_the_file_or_its_folder()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("release-1/report.json", MinimalJson().ToJsonString());

        var fromFile = ReportReader.Read(file);
        var fromFolder = ReportReader.Read(Path.GetDirectoryName(file)!);

        Assert.True(fromFile.Succeeded, fromFile.Error);
        Assert.True(fromFolder.Succeeded, fromFolder.Error);
        var report = fromFolder.Report;
        Assert.Equal(file, report.Identity.Path);
        Assert.Equal(("0.1.0", new string('a', 64)), (report.Identity.ToolVersion, report.Identity.RulesetSha256));
        Assert.Equal(new ReportInput("fw.bin", new string('b', 64)), Assert.Single(report.Identity.Inputs));
        var result = Assert.Single(report.Results);
        Assert.Equal(("CMP2001", "fail", "critical", "fw.bin!/etc/shadow"), (result.RuleId, result.Outcome, result.Severity, result.Artifact));
        Assert.Null(result.Waiver);
        var scheme = Assert.Single(report.Schemes);
        Assert.Equal(new ReportRating("FAIL", 12.5), scheme.Rating);
        Assert.Equal(new ReportProvision("5.1-1", "No universal default passwords", "mandatory", "fail"), Assert.Single(scheme.Provisions));
    }

    [Fact]
    public void Reads_the_fields_being_added_and_ignores_unknown_ones()
    {
        var json = MinimalJson();
        var rating = json["schemes"]![0]!["rating"]!.AsObject();
        rating["model"] = "levels";
        rating["level"] = 2;
        rating["maxLevel"] = 3;
        rating["grade"] = "B";
        rating["somethingNew"] = new JsonObject { ["deep"] = new JsonArray(1, 2) };
        json["results"]![0]!["waiver"] = new JsonObject { ["applied"] = true, ["reason"] = "accepted until 2027", ["expires"] = "2027-01-01" };
        json["futureTopLevel"] = "ignored";

        var load = Read(json.ToJsonString());

        Assert.True(load.Succeeded, load.Error);
        Assert.Equal(new ReportRating("FAIL", 12.5, "levels", 2, 3, "B"), load.Report.Schemes[0].Rating);
        Assert.True(load.Report.Results[0].IsWaived);
    }

    [Fact]
    public void The_committed_sample_reports_are_read()
    {
        foreach (var sample in Directory.GetDirectories(Path.Combine(RepositoryPaths.Reports, "samples")))
        {
            var load = ReportReader.Read(sample);

            Assert.True(load.Succeeded, load.Error);
            Assert.NotEmpty(load.Report.Results);
            Assert.NotEmpty(load.Report.Schemes);
        }
    }

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        // name, file content, expected part of the error
        { "empty file", "", "not valid JSON" },
        { "not JSON", "this is not a report", "not valid JSON" },
        { "truncated", MinimalJson().ToJsonString()[..200], "not valid JSON" },
        { "a JSON array", "[1, 2, 3]", "the top level is not a JSON object" },
        { "no schemaVersion", Without("schemaVersion"), "it has no schemaVersion" },
        { "schemaVersion 2", With("schemaVersion", 2), "schemaVersion is 2, this tool reads version 1" },
        { "schemaVersion as text", With("schemaVersion", "1"), "schemaVersion is not a number" },
        { "no results", Without("results"), "results is missing" },
        { "no schemes", Without("schemes"), "schemes is missing" },
        { "results not an array", With("results", "none"), "results is a string, expected an array" },
        { "a result without fingerprint", Edited(j => j["results"]![0]!.AsObject().Remove("fingerprint")), "results[0].fingerprint is missing" },
        { "a score that is text", Edited(j => j["schemes"]![0]!["rating"]!["score"] = "12"), "schemes[0].rating.score is a string, expected a number" },
        { "a fractional level", Edited(j => j["schemes"]![0]!["rating"]!["level"] = 1.5), "schemes[0].rating.level is not a whole number" },
        { "a waiver without applied", Edited(j => j["results"]![0]!["waiver"] = new JsonObject()), "results[0].waiver.applied is missing" },
        { "a duplicate scheme", Edited(j => j["schemes"]!.AsArray().Add(j["schemes"]![0]!.DeepClone())), "the scheme id 'etsi-en-303-645' appears twice" },
        { "a duplicate key", "{\"schemaVersion\": 1, \"schemaVersion\": 2}", "not valid JSON" },
        { "deep nesting", Nested(100_000), "maximum configured depth" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_file_that_is_not_a_report_gives_one_error_naming_the_file_and_the_reason(string name, string content, string reason)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("report.json", content);

        var load = ReportReader.Read(file);

        Assert.False(load.Succeeded, name);
        Assert.StartsWith(file + ": not a report: ", load.Error, StringComparison.Ordinal);
        Assert.Contains(reason, load.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_is_allowed_up_to_the_depth_limit_and_refused_past_it()
    {
        var atLimit = Read(Nested(ReportReader.MaxDepth - 1));
        var pastLimit = Read(Nested(ReportReader.MaxDepth));

        Assert.True(atLimit.Succeeded, atLimit.Error);
        Assert.False(pastLimit.Succeeded);
        Assert.Contains("not valid JSON: The maximum configured depth of 64 has been exceeded", pastLimit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_report_and_a_missing_path_are_named()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "no-such-report.json");

        Assert.Equal($"{dir.Path}: the folder holds no report.json", ReportReader.Read(dir.Path).Error);
        Assert.Equal($"{missing}: no such file or folder", ReportReader.Read(missing).Error);
    }

    [Fact]
    public void A_file_over_2_GiB_is_refused_without_being_read()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "report.json");
        using (var stream = File.Create(file))
        {
            // Sparse: the size is recorded, no data is written.
            stream.SetLength(ReportReader.MaxBytes + 1);
        }

        var load = ReportReader.Read(file);

        Assert.Equal($"{file}: too large: 2147483649 bytes, a report may have at most 2 GiB", load.Error);
    }

    private static ReportLoad Read(string json)
    {
        using var dir = new TempDirectory();
        return ReportReader.Read(dir.Write("report.json", json));
    }

    private static string Without(string field) => Edited(j => j.Remove(field));

    private static string With(string field, JsonNode? value) => Edited(j => j[field] = value);

    private static string Edited(Action<JsonObject> edit)
    {
        var json = MinimalJson();
        edit(json);
        return json.ToJsonString();
    }

    /// <summary>A valid report with <paramref name="depth"/> nested arrays in an unknown field (the report's object adds one level).</summary>
    private static string Nested(int depth)
    {
        var json = MinimalJson().ToJsonString();
        return new StringBuilder(json, 0, json.Length - 1, json.Length + (2 * depth) + 16)
            .Append(",\"extra\":").Append('[', depth).Append(']', depth).Append('}')
            .ToString();
    }
}

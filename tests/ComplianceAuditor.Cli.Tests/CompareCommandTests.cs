using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// <c>compare</c> on the committed firmware sample report and an edited copy of it: one provision verdict and one
/// result changed in the copy, the way a new release would change them.
/// </summary>
public sealed class CompareCommandTests
{
    private static readonly string Sample = Path.Combine(RepositoryPaths.Reports, "samples", "examplecam-fw");

    /// <summary>The scheme whose provisions the tests edit; found by id, since the sample's scheme list grows.</summary>
    private const string Scheme = "etsi-en-303-645";

    [Fact]
    public async Task A_report_compared_with_itself_has_no_regression_and_exits_0()
    {
        var (exit, output, error) = await Cli.RunAsync("compare", Sample, Path.Combine(Sample, "report.json"), "--fail-on-regression");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("", error);
        Assert.Contains($"Provisions: 0 regressed, 0 improved, 0 changed, 0 added, 0 removed, {ProvisionCount()} unchanged", output, StringComparison.Ordinal);
        Assert.Contains($"Findings: 0 new, 0 fixed, {FailureCount()} persisting, 0 waived", output, StringComparison.Ordinal);
        Assert.EndsWith("No regression." + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regressed_provision_and_a_new_failure_are_shown_and_exit_1_only_with_fail_on_regression()
    {
        using var dir = new TempDirectory();
        var (provision, result) = (FirstProvision("pass"), FirstResult("pass"));
        var edited = EditedCopy(dir, report =>
        {
            Provision(report, provision)["verdict"] = "fail";
            Fail(Result(report, result));
        });

        var (plainExit, output, _) = await Cli.RunAsync("compare", Sample, edited);
        var (gateExit, _, _) = await Cli.RunAsync("compare", Sample, edited, "--fail-on-regression");

        Assert.Equal(ExitCodes.Ok, plainExit);
        Assert.Equal(ExitCodes.FindingsAtThreshold, gateExit);
        Assert.Contains($"regressed  {Scheme}  {provision}  pass -> fail", output, StringComparison.Ordinal);
        Assert.Contains($"new  {result["ruleId"]}  {result["severity"]}  {result["artifact"]}", output, StringComparison.Ordinal);
        Assert.Contains($"Findings: 1 new, 0 fixed, {FailureCount()} persisting, 0 waived", output, StringComparison.Ordinal);
        Assert.EndsWith("Regression: 1 provision verdict(s) regressed, 1 new unwaived failure(s)." + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_has_the_changes_under_stable_camel_case_names()
    {
        using var dir = new TempDirectory();
        var (provision, fixedResult) = (FirstProvision("fail"), FirstResult("fail"));
        var edited = EditedCopy(dir, report =>
        {
            Provision(report, provision)["verdict"] = "pass";
            Result(report, fixedResult)["outcome"] = "pass";
        });

        var (exit, output, _) = await Cli.RunAsync("compare", Sample, edited, "--format", "json", "--fail-on-regression");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("regression").GetBoolean());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("provisions").GetProperty("improved").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("findings").GetProperty("fixed").GetInt32());
        var changed = Assert.Single(root.GetProperty("provisions").EnumerateArray());
        Assert.Equal(
            (Scheme, provision, "improved", "fail", "pass"),
            (changed.GetProperty("scheme").GetString(), changed.GetProperty("id").GetString(), changed.GetProperty("change").GetString(),
             changed.GetProperty("old").GetString(), changed.GetProperty("new").GetString()));
        var finding = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("change").GetString() == "fixed");
        Assert.Equal((string?)fixedResult["fingerprint"], finding.GetProperty("fingerprint").GetString());
        Assert.Equal(("failing", "absent"), (finding.GetProperty("old").GetString(), finding.GetProperty("new").GetString()));
        Assert.Equal("examplecam-fw.bin", root.GetProperty("new").GetProperty("inputs")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Report_text_is_sanitized_in_text_and_escaped_in_markdown_and_json()
    {
        using var dir = new TempDirectory();
        var result = FirstResult("pass");
        var edited = EditedCopy(dir, report =>
        {
            var changed = Result(report, result);
            Fail(changed);
            changed["message"] = "cell | break\nnew row \u001b[31mred\u202e <img src=x>";
        });

        var (_, text, _) = await Cli.RunAsync("compare", Sample, edited);
        var (_, markdown, _) = await Cli.RunAsync("compare", Sample, edited, "--format", "md");
        var (_, json, _) = await Cli.RunAsync("compare", Sample, edited, "--format", "json");

        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u202e', text);
        Assert.Contains("cell | break\\u000Anew row \\u001B[31mred\\u202E <img src=x>", text, StringComparison.Ordinal);
        var row = Assert.Single(markdown.Split('\n'), line => line.StartsWith("| new |", StringComparison.Ordinal));
        Assert.EndsWith(" | cell \\| break new row \\\\u001B\\[31mred\\\\u202E &lt;img src=x&gt; |", row, StringComparison.Ordinal);
        Assert.Contains("| Change | Rule | Severity | Artifact | Message |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202e', json);
        Assert.Contains("new row \\u001B[31mred\\u202E \\u003Cimg", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waived_failure_passes_the_gate_and_a_lapsed_waiver_trips_it()
    {
        using var dir = new TempDirectory();
        var result = FirstResult("fail");
        var waived = EditedCopy(dir, report => Result(report, result)["waiver"] = new JsonObject { ["applied"] = true }, "waived");
        var lapsed = EditedCopy(dir, report => Result(report, result)["waiver"] = new JsonObject { ["applied"] = false }, "lapsed");

        var (waivedExit, waivedOutput, _) = await Cli.RunAsync("compare", Sample, waived, "--fail-on-regression");
        var (lapsedExit, lapsedOutput, _) = await Cli.RunAsync("compare", waived, lapsed, "--fail-on-regression");

        Assert.Equal(ExitCodes.Ok, waivedExit);
        Assert.Contains($"waived  {result["ruleId"]}", waivedOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FindingsAtThreshold, lapsedExit);
        Assert.Contains($"new (waiver lapsed)  {result["ruleId"]}", lapsedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_or_invalid_reports_are_usage_errors_naming_each_file()
    {
        using var dir = new TempDirectory();
        var notAReport = dir.Write("other/report.json", "{\"schemaVersion\": 1}");
        var missing = Path.Combine(dir.Path, "missing.json");

        var (missingExit, _, missingError) = await Cli.RunAsync("compare", missing, Sample);
        var (bothExit, _, bothError) = await Cli.RunAsync("compare", dir.Path, Path.GetDirectoryName(notAReport)!);
        var (formatExit, _, _) = await Cli.RunAsync("compare", Sample, Sample, "--format", "html");

        Assert.Equal(ExitCodes.Usage, missingExit);
        Assert.Equal($"error: {missing}: no such file or folder", missingError.Trim());
        Assert.Equal(ExitCodes.Usage, bothExit);
        Assert.Equal(
            [$"error: {dir.Path}: the folder holds no report.json", $"error: {notAReport}: not a report: tool is missing"],
            bothError.Trim().Split(Environment.NewLine));
        Assert.Equal(ExitCodes.Usage, formatExit);
    }

    private static JsonObject LoadSample() => JsonNode.Parse(File.ReadAllText(Path.Combine(Sample, "report.json")))!.AsObject();

    /// <summary>Writes an edited copy of the sample to <c>DIR/NAME/report.json</c> and returns its folder.</summary>
    private static string EditedCopy(TempDirectory dir, Action<JsonObject> edit, string name = "new")
    {
        var report = LoadSample();
        edit(report);
        return Path.GetDirectoryName(dir.Write(Path.Combine(name, "report.json"), report.ToJsonString()))!;
    }

    private static JsonArray Provisions(JsonObject report) =>
        report["schemes"]!.AsArray().Single(s => (string?)s!["id"] == Scheme)!["provisions"]!.AsArray();

    private static string FirstProvision(string verdict) =>
        (string)Provisions(LoadSample()).First(p => (string?)p!["verdict"] == verdict)!["id"]!;

    private static int ProvisionCount() => LoadSample()["schemes"]!.AsArray().Sum(s => s!["provisions"]!.AsArray().Count);

    private static int FailureCount() => LoadSample()["results"]!.AsArray().Count(r => (string?)r!["outcome"] == "fail");

    private static JsonObject FirstResult(string outcome) =>
        LoadSample()["results"]!.AsArray().First(r => (string?)r!["outcome"] == outcome)!.AsObject();

    private static JsonObject Provision(JsonObject report, string id) =>
        Provisions(report).Single(p => (string?)p!["id"] == id)!.AsObject();

    private static JsonObject Result(JsonObject report, JsonObject like) =>
        report["results"]!.AsArray().Single(r => (string?)r!["fingerprint"] == (string?)like["fingerprint"])!.AsObject();

    private static void Fail(JsonObject result)
    {
        result["outcome"] = "fail";
        result["reason"] = "changed for the test";
    }
}

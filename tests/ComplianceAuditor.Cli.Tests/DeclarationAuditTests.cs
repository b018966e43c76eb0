using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// The example camera audited without and with its manufacturer's declaration (examples/declarations): every
/// provision of every scheme is reported either way; the declaration settles what the tool cannot see, makes
/// conditional provisions not applicable, and its contradictions are reported.
/// </summary>
public sealed class DeclarationAuditTests
{
    private static readonly string Firmware = Path.Combine(RepositoryPaths.Examples, "firmware", "examplecam-fw.bin");
    private static readonly string Declaration = Path.Combine(RepositoryPaths.Examples, "declarations", "examplecam.yaml");

    [Fact]
    public async Task Without_a_declaration_nothing_is_not_applicable_and_declaration_only_provisions_are_not_assessed()
    {
        var report = await AuditAsync([]);

        Assert.Null(report["declaration"]);
        var provisions = Provisions(report).ToArray();
        Assert.DoesNotContain(provisions, p => (string)p["verdict"]! == "notApplicable");
        var declarationOnly = provisions.Where(p => p["assessment"]!.Values<string>().SequenceEqual(["declaration"])).ToArray();
        Assert.NotEmpty(declarationOnly);
        Assert.All(declarationOnly, p => Assert.Equal("notAssessed", (string)p["verdict"]!));
        Assert.Equal("5.11-2", (string)Provision(report, "etsi-en-303-645", "5.11-2")["id"]!);
        Assert.Equal("notAssessed", (string)Provision(report, "etsi-en-303-645", "5.11-2")["verdict"]!);
    }

    [Fact]
    public async Task With_the_declaration_answers_conditions_and_conflicts_change_the_verdicts_with_their_reasons()
    {
        var without = await AuditAsync([]);
        var with = await AuditAsync(["--declaration", Declaration]);

        var declaration = with["declaration"]!;
        Assert.Equal("ExampleCam EC-100", (string)declaration["model"]!);
        Assert.Equal(64, ((string)declaration["sha256"]!).Length);

        // An answer settles a declaration-only provision, in both directions.
        var sensors = Provision(with, "etsi-en-303-645", "5.8-3");
        Assert.Equal("pass", (string)sensors["verdict"]!);
        Assert.Equal(["declaration"], sensors["basis"]!.Values<string>());
        Assert.True((bool)sensors["answer"]!["met"]!);
        var deletion = Provision(with, "etsi-en-303-645", "5.11-2");
        Assert.Equal("fail", (string)deletion["verdict"]!);
        Assert.Contains("planned for firmware 1.6", deletion["reasons"]![0]!.ToString(), StringComparison.Ordinal);

        // A declared condition makes conditional provisions not applicable, naming the fact.
        var telemetry = Provision(with, "etsi-en-303-645", "5.10-1");
        Assert.Equal("notApplicable", (string)telemetry["verdict"]!);
        Assert.Contains("telemetry = false", telemetry["reasons"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("telemetry", (string)telemetry["facts"]![0]!["fact"]!);

        // Evidence beats an answer: declared met, yet telnet runs, so it fails and the conflict is reported.
        var transport = Provision(with, "etsi-en-303-645", "5.5-1");
        Assert.Equal("fail", (string)transport["verdict"]!);
        Assert.Contains("declared met", Assert.Single(transport["conflicts"]!.Values<string>()), StringComparison.Ordinal);
        Assert.Equal(1, (int)Scheme(with, "etsi-en-303-645")["summary"]!["conflicts"]!);

        // A published disclosure policy settles 5.2-1, and UK PSTI's second requirement derives from it.
        Assert.Equal("pass", (string)Provision(with, "etsi-en-303-645", "5.2-1")["verdict"]!);
        var psti = Provision(with, "uk-psti", "Sch1-2");
        Assert.Equal("pass", (string)psti["verdict"]!);
        Assert.Contains(psti["derived"]!, d => (string)d["provision"]! == "etsi-en-303-645:5.2-1" && (string)d["verdict"]! == "pass");
        Assert.Equal("notAssessed", (string)Provision(without, "uk-psti", "Sch1-2")["verdict"]!);

        // The score moves only by what the declaration settled.
        Assert.True((double)Scheme(with, "etsi-en-303-645")["rating"]!["score"]! > (double)Scheme(without, "etsi-en-303-645")["rating"]!["score"]!);
    }

    [Fact]
    public async Task Every_provision_of_every_scheme_is_reported_with_a_reason_whether_or_not_a_declaration_is_given()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Reports, "report.schema.json"));
        var schemeFiles = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "rules", "schemes"), "*.yaml");
        foreach (var report in new[] { await AuditAsync([]), await AuditAsync(["--declaration", Declaration]) })
        {
            Assert.Empty(schema.Validate(report.ToString()));
            Assert.Equal(schemeFiles.Length, report["schemes"]!.Count());
            foreach (var scheme in report["schemes"]!)
            {
                var file = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "schemes", (string)scheme["id"]! + ".yaml"));
                var expected = file.Split('\n').Count(l => l.StartsWith("  - id: ", StringComparison.Ordinal)) - ConditionCount(file);
                Assert.Equal(expected, scheme["provisions"]!.Count());
                Assert.All(scheme["provisions"]!, p => Assert.NotEmpty(p["reasons"]!));
            }
        }
    }

    [Fact]
    public async Task A_declared_fact_the_firmware_contradicts_is_reported_as_a_conflict()
    {
        using var dir = new TempDirectory();
        var declaration = Path.Combine(dir.Path, "d.yaml");
        await File.WriteAllTextAsync(declaration, "schemaVersion: 1\nfacts:\n  update-mechanism: false\n");

        var report = await AuditAsync(["--declaration", declaration]);

        var conflict = Assert.Single(report["declaration"]!["conflicts"]!);
        Assert.Equal("update-mechanism", (string)conflict["fact"]!);
        Assert.Contains("CMP2049", (string)conflict["description"]!, StringComparison.Ordinal);
        Assert.NotEmpty(conflict["results"]!);
    }

    [Fact]
    public async Task A_broken_declaration_stops_the_audit_with_its_position()
    {
        using var dir = new TempDirectory();
        var declaration = Path.Combine(dir.Path, "d.yaml");
        await File.WriteAllTextAsync(declaration, "schemaVersion: 1\nfacts:\n  telemetry: sometimes\n");

        var (exit, _, error) = await Cli.RunAsync(["audit", Firmware, "--out", Path.Combine(dir.Path, "out"), "--format", "json", "--declaration", declaration]);

        Assert.Equal(ExitCodes.InvalidRules, exit);
        Assert.Contains("d.yaml:3:14", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out", "report.json")));
    }

    internal static async Task<JObject> AuditAsync(string[] extra, string target = "")
    {
        using var outDir = new TempDirectory();
        var (exit, _, error) = await Cli.RunAsync(["audit", target.Length > 0 ? target : Firmware, "--out", outDir.Path, "--format", "json", .. extra]);
        Assert.True(exit == ExitCodes.Ok, error);
        return JObject.Parse(await File.ReadAllTextAsync(Path.Combine(outDir.Path, "report.json")));
    }

    internal static JToken Scheme(JObject report, string id) => report["schemes"]!.Single(s => (string)s["id"]! == id);

    internal static JToken Provision(JObject report, string scheme, string id) => Scheme(report, scheme)["provisions"]!.Single(p => (string)p["id"]! == id);

    private static IEnumerable<JToken> Provisions(JObject report) => report["schemes"]!.SelectMany(s => s["provisions"]!);

    /// <summary>Condition entries also start with "  - id: " at the same indent, before "provisions:".</summary>
    private static int ConditionCount(string file)
    {
        var provisionsAt = file.IndexOf("\nprovisions:", StringComparison.Ordinal);
        return file[..provisionsAt].Split('\n').Count(l => l.StartsWith("  - id: ", StringComparison.Ordinal));
    }
}

using System.Text.Json.Nodes;
using ComplianceAuditor.Reporting.CycloneDx;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Tests.Shared;
using NJsonSchema;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>The CycloneDX writer on reports built by hand: schema, identity, metadata and the dependency tree.</summary>
public sealed class CycloneDxWriterTests
{
    private static readonly ComponentEntry Input = Component("firmware:fw.bin", "firmware", "fw.bin", null, "fw.bin", "input") with { Sha256 = new string('b', 64) };

    private static readonly ComponentEntry RootFs = Component("file:rootfs.squashfs", "file", "rootfs.squashfs", null, "fw.bin!/rootfs.squashfs", "container") with { ContainedIn = ["firmware:fw.bin"] };

    private static readonly ComponentEntry BusyBox = Component("pkg:generic/busybox@1.36.1", "application", "busybox", "1.36.1", "fw.bin!/rootfs.squashfs!/bin/busybox", "busybox-banner") with
    {
        Purl = "pkg:generic/busybox@1.36.1",
        Cpe = "cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*",
        Licenses = ["GPL-2.0-only"],
        ContainedIn = ["file:rootfs.squashfs"],
    };

    [SharedFact("schemas/bom-1.6.schema.json")]
    public async Task The_sbom_is_valid_cyclonedx_1_6_with_components_evidence_and_nested_dependencies()
    {
        var text = await WriteAsync(Report([Input, RootFs, BusyBox]));

        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "schemas", "bom-1.6.schema.json"));
        Assert.Empty(schema.Validate(text));
        var bom = JsonNode.Parse(text)!;
        Assert.Equal("1.6", (string)bom["specVersion"]!);
        Assert.Equal("2026-01-01T00:00:00Z", (string)bom["metadata"]!["timestamp"]!);
        Assert.Equal("post-build", (string)bom["metadata"]!["lifecycles"]![0]!["phase"]!);
        Assert.Equal("0.0.0-test", (string)bom["metadata"]!["tools"]!["components"]![0]!["version"]!);

        // The single input is what the SBOM describes, not one of its components.
        var top = bom["metadata"]!["component"]!;
        Assert.Equal("firmware:fw.bin", (string)top["bom-ref"]!);
        Assert.Equal(new string('b', 64), (string)top["hashes"]![0]!["content"]!);
        var components = bom["components"]!.AsArray();
        Assert.Equal(["file:rootfs.squashfs", "pkg:generic/busybox@1.36.1"], components.Select(c => (string)c!["bom-ref"]!));

        var busybox = components[1]!;
        Assert.Equal("cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*", (string)busybox["cpe"]!);
        Assert.Equal("GPL-2.0-only", (string)busybox["licenses"]![0]!["license"]!["name"]!);
        Assert.Equal("purl", (string)busybox["evidence"]!["identity"]![0]!["field"]!);
        Assert.Equal("binary-analysis", (string)busybox["evidence"]!["identity"]![0]!["methods"]![0]!["technique"]!);
        Assert.Equal("fw.bin!/rootfs.squashfs!/bin/busybox", (string)busybox["evidence"]!["occurrences"]![0]!["location"]!);
        Assert.Equal("complianceauditor:detector", (string)busybox["properties"]![0]!["name"]!);

        // firmware → file system → program, and every component has an entry.
        var dependencies = bom["dependencies"]!.AsArray().ToDictionary(d => (string)d!["ref"]!, d => d!["dependsOn"]!.AsArray().Select(x => (string)x!).ToArray());
        Assert.Equal(["file:rootfs.squashfs"], dependencies["firmware:fw.bin"]);
        Assert.Equal(["pkg:generic/busybox@1.36.1"], dependencies["file:rootfs.squashfs"]);
        Assert.Empty(dependencies["pkg:generic/busybox@1.36.1"]);
    }

    [Fact]
    public async Task The_serial_number_is_derived_from_the_inputs_and_the_tool_version_and_the_output_repeats_byte_for_byte()
    {
        var report = Report([Input, RootFs, BusyBox]);

        var first = await WriteAsync(report);
        var again = await WriteAsync(report);
        var otherInput = await WriteAsync(report with { Inputs = [report.Inputs[0] with { Sha256 = new string('c', 64) }] });
        var otherTool = await WriteAsync(report with { Tool = report.Tool with { Version = "9.9.9" } });

        Assert.Equal(first, again);
        string Serial(string text) => (string)JsonNode.Parse(text)!["serialNumber"]!;
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Serial(first));
        Assert.NotEqual(Serial(first), Serial(otherInput));
        Assert.NotEqual(Serial(first), Serial(otherTool));
    }

    [Fact]
    public async Task A_declaration_names_the_product_and_gives_its_security_contact_and_support_page()
    {
        var declaration = new DeclarationEntry
        {
            Source = "decl.yaml",
            Sha256 = new string('d', 64),
            Manufacturer = "Example Devices Ltd",
            Model = "ExampleCam EC-100",
            FirmwareVersion = "1.4.2",
            Facts =
            [
                new FactEntry("disclosure-policy-url", "https://example.com/.well-known/security.txt"),
                new FactEntry("support-period-url", "https://example.com/support"),
                new FactEntry("support-period-end", "2031-12-31"),
            ],
            Answers = 0,
            Conflicts = [],
        };

        var bom = JsonNode.Parse(await WriteAsync(Report([Input, RootFs]) with { Declaration = declaration }))!;

        var top = bom["metadata"]!["component"]!;
        Assert.Equal(("ExampleCam EC-100", "1.4.2", "Example Devices Ltd"), ((string)top["name"]!, (string)top["version"]!, (string)top["manufacturer"]!["name"]!));
        var references = top["externalReferences"]!.AsArray().Select(r => ((string)r!["type"]!, (string)r["url"]!)).ToArray();
        Assert.Equal([("security-contact", "https://example.com/.well-known/security.txt"), ("support", "https://example.com/support")], references);
        Assert.Contains(top["properties"]!.AsArray(), p => (string)p!["name"]! == "complianceauditor:support-period-end" && (string)p["value"]! == "2031-12-31");
    }

    [Fact]
    public async Task Several_inputs_hang_from_a_device_component_of_their_own()
    {
        var second = Component("firmware:rootfs", "firmware", "rootfs", null, "rootfs", "input");
        var os = Component("pkg:generic/example@1", "operating-system", "Example", "1", "rootfs/etc/os-release", "os-release") with { ContainedIn = ["firmware:rootfs"] };
        var report = Report([Input, second, os]) with
        {
            Inputs = [.. Report([]).Inputs, new InputEntry { Name = "rootfs", Kind = "rootfs", Sha256 = new string('e', 64), Size = 1, ArtifactCount = 2 }],
        };

        var bom = JsonNode.Parse(await WriteAsync(report))!;

        Assert.Equal(CycloneDxTop.DeviceRef, (string)bom["metadata"]!["component"]!["bom-ref"]!);
        Assert.Equal("fw.bin + rootfs", (string)bom["metadata"]!["component"]!["name"]!);
        Assert.Equal(3, bom["components"]!.AsArray().Count);
        var device = bom["dependencies"]!.AsArray().Single(d => (string)d!["ref"]! == CycloneDxTop.DeviceRef)!;
        Assert.Equal(["firmware:fw.bin", "firmware:rootfs"], device["dependsOn"]!.AsArray().Select(x => (string)x!));
    }

    private static AuditReport Report(IReadOnlyList<ComponentEntry> components) => HandReport.With([]) with { Components = components };

    private static ComponentEntry Component(string id, string type, string name, string? version, string path, string detector) => new()
    {
        Id = id,
        Type = type,
        Name = name,
        Version = version,
        Occurrences = [new ComponentOccurrence { Path = path, Detector = detector, Technique = detector == "busybox-banner" ? "binary-analysis" : "other", Evidence = "planted", Confidence = 0.9 }],
    };

    private static async Task<string> WriteAsync(AuditReport report)
    {
        using var stream = new MemoryStream();
        await new CycloneDxReportWriter().WriteAsync(report, stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

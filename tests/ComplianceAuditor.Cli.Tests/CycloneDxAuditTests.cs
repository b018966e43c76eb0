using ComplianceAuditor.Tests.Shared;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ComplianceAuditor.Cli.Tests;

/// <summary><c>--format cyclonedx</c> end to end on the bundled examples: a valid, reproducible SBOM of what they hold.</summary>
public sealed class CycloneDxAuditTests
{
    private static readonly string Firmware = Path.Combine(RepositoryPaths.Examples, "firmware", "examplecam-fw.bin");

    private static readonly string Rootfs = Path.Combine(RepositoryPaths.Examples, "vulnerable-rootfs");

    [SharedFact("schemas/bom-1.6.schema.json")]
    public async Task The_firmware_sbom_is_valid_and_nests_the_kernel_and_the_root_file_system_under_the_image()
    {
        using var output = new TempDirectory();
        var (bom, text) = await AuditAsync(Firmware, output.Path);

        // The bom schema $refs spdx.schema.json and jsf-0.82.schema.json beside it; loading from the file resolves them.
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "schemas", "bom-1.6.schema.json"));
        Assert.Empty(schema.Validate(text));

        var top = bom["metadata"]!["component"]!;
        Assert.Equal("examplecam-fw.bin", (string)top["name"]!);
        Assert.Equal(Sha256(Firmware), (string)top["hashes"]![0]!["content"]!);

        // The uImage's name says which kernel it is; the squashfs root file system says which OS release it holds.
        var components = bom["components"]!.ToArray();
        var linux = components.Single(c => (string)c["name"]! == "linux");
        Assert.Equal("4.14.0", (string)linux["version"]!);
        Assert.Equal("cpe:2.3:o:linux:linux_kernel:4.14.0:*:*:*:*:*:*:*", (string)linux["cpe"]!);
        Assert.Equal("examplecam-fw.bin!/0x0.uimage", (string)linux["evidence"]!["occurrences"]![0]!["location"]!);
        var os = components.Single(c => (string)c["name"]! == "Examplecam OS");
        Assert.Equal(("operating-system", "2.3.1", "pkg:generic/examplecam@2.3.1"), ((string)os["type"]!, (string)os["version"]!, (string)os["purl"]!));
        var squashfs = components.Single(c => (string)c["name"]! == "0x10000.squashfs");

        var dependencies = bom["dependencies"]!.ToDictionary(d => (string)d["ref"]!, d => d["dependsOn"]!.Select(x => (string)x!).ToArray());
        Assert.Equal([(string)squashfs["bom-ref"]!, (string)linux["bom-ref"]!], dependencies[(string)top["bom-ref"]!]);
        Assert.Equal([(string)os["bom-ref"]!], dependencies[(string)squashfs["bom-ref"]!]);
    }

    [SharedFact("schemas/bom-1.6.schema.json")]
    public async Task The_root_file_system_sbom_is_valid_and_names_its_os_release()
    {
        using var output = new TempDirectory();
        var (bom, text) = await AuditAsync(Rootfs, output.Path);

        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "schemas", "bom-1.6.schema.json"));
        Assert.Empty(schema.Validate(text));
        Assert.Equal("vulnerable-rootfs", (string)bom["metadata"]!["component"]!["name"]!);
        var os = Assert.Single(bom["components"]!, c => (string)c["type"]! == "operating-system");
        Assert.Equal(("Examplecam OS", "2.3.1"), ((string)os["name"]!, (string)os["version"]!));
        Assert.Equal("vulnerable-rootfs/etc/os-release", (string)os["evidence"]!["occurrences"]![0]!["location"]!);
    }

    [Fact]
    public async Task Two_runs_with_the_same_source_date_give_identical_bytes_and_report_json_lists_the_components()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        await AuditAsync(Firmware, first.Path, "cyclonedx,json");
        await AuditAsync(Firmware, second.Path, "cyclonedx,json");

        var bytes = await File.ReadAllBytesAsync(Path.Combine(first.Path, "sbom.cdx.json"));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(second.Path, "sbom.cdx.json")));
        var report = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(first.Path, "report.json")));
        Assert.Contains(report["components"]!, c => (string)c["name"]! == "linux" && (string)c["version"]! == "4.14.0");
        var reportSchema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Reports, "report.schema.json"));
        Assert.Empty(reportSchema.Validate(report.ToString()));
    }

    [Fact]
    public async Task Copies_of_a_root_file_system_in_different_places_give_the_same_sbom()
    {
        using var work = new TempDirectory();
        var first = Path.Combine(work.Path, "a", "vulnerable-rootfs");
        var second = Path.Combine(work.Path, "b", "deeper", "vulnerable-rootfs");
        foreach (var copy in new[] { first, second })
        {
            foreach (var file in Directory.EnumerateFiles(Rootfs, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(copy, Path.GetRelativePath(Rootfs, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        var (_, textA) = await AuditAsync(first, Path.Combine(work.Path, "out-a"));
        var (_, textB) = await AuditAsync(second, Path.Combine(work.Path, "out-b"));

        Assert.Equal(textA, textB);
        Assert.DoesNotContain(work.Path, textA, StringComparison.Ordinal);
    }

    private static async Task<(JObject Bom, string Text)> AuditAsync(string target, string output, string format = "cyclonedx")
    {
        var (exit, stdout, error) = await Cli.RunAsync("audit", target, "--out", output, "--format", format);
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("sbom.cdx.json", stdout, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(Path.Combine(output, "sbom.cdx.json"));
        return (JObject.Parse(text), text);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}

using ComplianceAuditor.Reporting.CycloneDx;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Tests;

/// <summary>The SBOM's serial changes with everything that changes its content, and with nothing else.</summary>
public sealed class CycloneDxSerialTests
{
    private static readonly DeclarationEntry Declaration = new()
    {
        Source = "decl.yaml",
        Sha256 = new string('d', 64),
        Model = "ExampleCam EC-100",
        Facts = [],
        Answers = 0,
        Conflicts = [],
    };

    [Fact]
    public async Task A_different_declaration_or_rule_set_gives_a_different_serial()
    {
        var plain = HandReport.With([]);
        var declared = plain with { Declaration = Declaration };

        var serial = await SerialAsync(plain);

        Assert.Equal(serial, await SerialAsync(plain));
        Assert.NotEqual(serial, await SerialAsync(declared));
        Assert.NotEqual(await SerialAsync(declared), await SerialAsync(declared with { Declaration = Declaration with { Sha256 = new string('e', 64) } }));
        Assert.NotEqual(serial, await SerialAsync(plain with { Tool = plain.Tool with { RulesetSha256 = new string('f', 64) } }));
        // The declaration's file name is not content: the same bytes under another name are the same declaration.
        Assert.Equal(await SerialAsync(declared), await SerialAsync(declared with { Declaration = Declaration with { Source = "other.yaml" } }));
    }

    private static async Task<string> SerialAsync(AuditReport report)
    {
        using var stream = new MemoryStream();
        await new CycloneDxReportWriter().WriteAsync(report, stream, CancellationToken.None);
        return (string)System.Text.Json.Nodes.JsonNode.Parse(stream.ToArray())!["serialNumber"]!;
    }
}

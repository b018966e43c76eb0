using System.Globalization;
using System.Text.Json;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.CycloneDx;

/// <summary>
/// The SBOM's <c>metadata</c>: when (the report's time), by what tool, at which lifecycle phase (post-build: the
/// shipped image was read), and about what (<see cref="CycloneDxTop"/>), with the declared product's name, its
/// security contact and support page.
/// </summary>
internal static class CycloneDxMetadata
{
    public static void Write(Utf8JsonWriter json, AuditReport report, CycloneDxTop top)
    {
        json.WriteStartObject("metadata");
        json.WriteString("timestamp", report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartArray("lifecycles");
        json.WriteStartObject();
        json.WriteString("phase", "post-build");
        json.WriteEndObject();
        json.WriteEndArray();
        WriteTool(json, report.Tool);
        WriteTop(json, report, top);
        json.WriteStartArray("properties");
        CycloneDxComponent.WriteProperty(json, "complianceauditor:ruleset-sha256", report.Tool.RulesetSha256);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json, ToolInfo tool)
    {
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", tool.Name);
        json.WriteString("version", tool.Version);
        json.WriteStartArray("externalReferences");
        WriteReference(json, "website", tool.InformationUri);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTop(Utf8JsonWriter json, AuditReport report, CycloneDxTop top)
    {
        var declaration = report.Declaration;
        var name = declaration?.Model is { Length: > 0 } model ? Text(model)
            : top.Input?.Name ?? string.Join(" + ", report.Inputs.Select(i => Text(i.Name)));
        var version = declaration?.FirmwareVersion is { Length: > 0 } declared ? Text(declared) : top.Input?.Version;

        json.WriteStartObject("component");
        json.WriteString("bom-ref", top.Ref);
        json.WriteString("type", top.Input?.Type ?? "firmware");
        if (declaration?.Manufacturer is { Length: > 0 } manufacturer)
        {
            json.WriteStartObject("manufacturer");
            json.WriteString("name", Text(manufacturer));
            json.WriteEndObject();
        }

        json.WriteString("name", name);
        if (version is not null)
        {
            json.WriteString("version", version);
        }

        if (top.Input?.Sha256 is { } sha)
        {
            CycloneDxComponent.WriteHash(json, sha);
        }

        var references = References(declaration).ToArray();
        if (references.Length > 0)
        {
            json.WriteStartArray("externalReferences");
            foreach (var (type, url) in references)
            {
                WriteReference(json, type, url);
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("properties");
        foreach (var input in report.Inputs)
        {
            CycloneDxComponent.WriteProperty(json, "complianceauditor:input", $"{Text(input.Name)} ({input.Kind}, sha256 {input.Sha256})");
        }

        if (declaration?.Facts.FirstOrDefault(f => f.Fact == "support-period-end") is { } end)
        {
            CycloneDxComponent.WriteProperty(json, "complianceauditor:support-period-end", Text(end.Value));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The declaration's vulnerability-disclosure page and support-period page, as the spec's reference types; only
    /// absolute http(s) addresses are taken, as a reader of the SBOM will follow them.
    /// </summary>
    private static IEnumerable<(string Type, string Url)> References(DeclarationEntry? declaration)
    {
        foreach (var (fact, type) in new[] { ("disclosure-policy-url", "security-contact"), ("support-period-url", "support") })
        {
            if (WebLinks.Normalize(declaration?.Facts.FirstOrDefault(f => f.Fact == fact)?.Value) is { } url)
            {
                yield return (type, url);
            }
        }
    }

    private static void WriteReference(Utf8JsonWriter json, string type, string url)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("url", url);
        json.WriteEndObject();
    }

    private static string Text(string value) => DisplayText.Sanitize(value, 200);
}

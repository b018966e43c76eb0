using System.Text.Encodings.Web;
using System.Text.Json;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.CycloneDx;

/// <summary>
/// Writes <c>sbom.cdx.json</c>, a CycloneDX 1.6 SBOM of the components the audit found. Nothing in it is random or
/// taken from the clock: the serial number is derived from the inputs and the tool version, and the timestamp is the
/// report's, so the same inputs give the same bytes.
/// </summary>
public sealed class CycloneDxReportWriter : IReportWriter
{
    public string Format => "cyclonedx";

    public string FileName => "sbom.cdx.json";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Readable non-ASCII, as report.json: the file is never embedded raw into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task WriteAsync(AuditReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var top = CycloneDxTop.For(report);
        await using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteString("bomFormat", "CycloneDX");
            json.WriteString("specVersion", "1.6");
            json.WriteString("serialNumber", CycloneDxSerial.For(report));
            json.WriteNumber("version", 1);
            CycloneDxMetadata.Write(json, report, top);
            json.WriteStartArray("components");
            foreach (var component in report.Components.Where(c => c.Id != top.MergedInput))
            {
                CycloneDxComponent.Write(json, component);
            }

            json.WriteEndArray();
            CycloneDxDependencies.Write(json, report.Components, top);
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}

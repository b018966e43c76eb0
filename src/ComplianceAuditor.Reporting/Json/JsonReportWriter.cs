using System.Text.Json;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Json;

/// <summary>Writes <c>report.json</c>, the machine contract.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";

    public string FileName => "report.json";

    public async Task WriteAsync(AuditReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await JsonSerializer.SerializeAsync(output, report, ReportJson.Options, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}

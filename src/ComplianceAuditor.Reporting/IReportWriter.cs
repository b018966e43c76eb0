using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting;

/// <summary>Renders a whole report in one format onto a stream the caller opened.</summary>
public interface IReportWriter
{
    /// <summary>The <c>--format</c> name (<c>json</c>, <c>sarif</c>, <c>html</c>, <c>pdf</c>).</summary>
    string Format { get; }

    /// <summary>The file name written in the output folder.</summary>
    string FileName { get; }

    Task WriteAsync(AuditReport report, Stream output, CancellationToken cancellationToken);
}

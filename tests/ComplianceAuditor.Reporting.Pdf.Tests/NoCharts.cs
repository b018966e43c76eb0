using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Composition;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Tests;

/// <summary>Leaves the charts out, for layout tests that look only at our own drawing operations.</summary>
internal sealed class NoCharts : IChartSource
{
    public static readonly NoCharts Instance = new();

    public void Compose(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
    }
}

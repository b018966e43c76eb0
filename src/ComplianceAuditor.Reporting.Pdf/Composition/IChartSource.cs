using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>Puts the executive summary's charts into the flow (an interface so layout tests can leave them out).</summary>
internal interface IChartSource
{
    void Compose(FlowLayout flow, AuditReport report, ReportStyles styles);
}

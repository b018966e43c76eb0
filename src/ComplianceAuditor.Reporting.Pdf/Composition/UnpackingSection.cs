using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// Which images, archives and file systems were found in the inputs and how far each was opened: a lab reads the
/// findings against this, because a container that could not be opened is ground the audit did not cover.
/// </summary>
internal static class UnpackingSection
{
    public static void Compose(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        var containers = report.Artifacts.Where(a => a.Container is not null).ToArray();
        if (containers.Length == 0)
        {
            return;
        }

        flow.Heading("Containers", styles.Subheading, 12, 45);
        var table = new TableLayout(
            [new("Container", 34, styles.CellMono), new("Format", 11), new("Read by", 14), new("Status", 11), new("Details", 30)],
            styles.Cell,
            styles.CellBold);
        foreach (var artifact in containers)
        {
            var c = artifact.Container!;
            var details = c.Reason is null ? c.Description : $"{c.Description}. {c.Reason}";
            table.AddRow(
                ReportText.Safe(artifact.Path),
                ReportText.Safe(c.Format),
                ReportText.Safe(c.Extractor),
                ReportText.Safe($"{c.Status} ({c.Entries})"),
                ReportText.Safe(details, 400));
        }

        table.Render(flow);
    }
}

using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>Every failed result, most severe first, with the first piece of evidence for each.</summary>
internal static class FindingsSection
{
    public static IReadOnlyList<ResultEntry> Order(IEnumerable<ResultEntry> results) => ReportFindings.Failures(results);

    public static void Compose(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        var findings = Order(report.Results);
        flow.Heading("Findings", styles.Heading, 18, 70);
        flow.Paragraph(
            findings.Count == 1 ? "1 failed result." : $"{ReportText.Count(findings.Count)} failed results, most severe first.",
            styles.Note);
        flow.Space(3);

        var table = new TableLayout(
            [
                new("Rule", 14), new("Severity", 11), new("Artifact", 24, styles.CellMono), new("Message", 28),
                new("Evidence", 23, styles.CellMono),
            ],
            styles.Cell,
            styles.CellBold);
        foreach (var f in findings)
        {
            table.AddRow(
                ReportText.Safe(f.RuleId),
                Tables.Coloured(ReportText.Word(f.Severity), Palette.ForSeverity(f.Severity), styles.CellBold),
                ReportText.Safe(f.Artifact),
                ReportText.MessageAndReason(f),
                ReportText.FirstEvidence(f));
        }

        Tables.RenderOrSay(flow, table, styles.Note, "No rule failed.");
    }
}

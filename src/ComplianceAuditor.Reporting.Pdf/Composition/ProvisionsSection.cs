using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>Per scheme, the verdict on every provision and the first reason for it.</summary>
internal static class ProvisionsSection
{
    public static void Compose(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        foreach (var scheme in report.Schemes)
        {
            flow.Heading($"{ReportText.Safe(scheme.ShortTitle)}: provisions", styles.Heading, 18, 70);
            flow.Paragraph($"{ReportText.Safe(scheme.Title)} (version {ReportText.Safe(scheme.Version)})", styles.Note);
            flow.Paragraph(
                $"Rating {ReportText.Safe(scheme.Rating.Label)}{(scheme.Rating.Grade is { } g ? $", grade {g}" : "")}, score {ReportText.Percent(scheme.Rating.Score)}: "
                + ReportText.Safe(scheme.Rating.Formula, 300),
                styles.Note);
            if (scheme.Kind == "model")
            {
                flow.Paragraph("This rating model is ComplianceAuditor's own, not an official scheme.", styles.Note);
            }

            if (scheme.Rating.Explanation.Count > 0)
            {
                flow.Paragraph("Held back by: " + ReportText.Safe(string.Join("; ", scheme.Rating.Explanation), 600), styles.Note);
            }
            flow.Space(3);

            var table = new TableLayout(
                [new("Provision", 12), new("Status", 13), new("Verdict", 17), new("Reason", 58)],
                styles.Cell,
                styles.CellBold);
            foreach (var p in scheme.Provisions)
            {
                table.AddRow(
                    ReportText.Safe(p.Id),
                    ReportText.Safe(p.Status),
                    Tables.Coloured(ReportText.Word(p.Verdict), Palette.ForWord(p.Verdict), styles.CellBold),
                    Reason(p));
            }

            Tables.RenderOrSay(flow, table, styles.Note, "This scheme has no provisions.");
        }
    }

    /// <summary>The first reason, what the verdict rests on when a declaration is part of it, and any conflict.</summary>
    private static string Reason(ProvisionEntry p)
    {
        var text = p.Reasons.Count > 0 ? ReportText.Safe(p.Reasons[0]) : string.Empty;
        if (p.Basis.Contains("declaration") || p.Basis.Contains("condition"))
        {
            text += $" [rests on: {string.Join(", ", p.Basis)}]";
        }

        return p.Conflicts.Count == 0 ? text : $"{text} CONFLICT: {ReportText.Safe(p.Conflicts[0])}";
    }
}

using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>The executive summary's count tables: results by outcome and severity, and provisions per scheme.</summary>
internal static class SummaryTables
{
    public static void Results(FlowLayout flow, AuditReport report, ReportStyles styles, IReadOnlyList<string> outcomes)
    {
        var table = new TableLayout(
            [new("Outcome", 3), new("Results", 2, AlignRight: true), new("Severity of failures", 3), new("Failures", 2, AlignRight: true)],
            styles.Cell,
            styles.CellBold);
        var knownOutcomes = outcomes.Concat(report.Summary.Outcomes.Keys.Except(outcomes).Order(StringComparer.Ordinal)).ToArray();
        var severities = ReportFindings.SeverityOrder
            .Concat(report.Summary.FailuresBySeverity.Keys.Except(ReportFindings.SeverityOrder).Order(StringComparer.Ordinal))
            .ToArray();
        for (var i = 0; i < Math.Max(knownOutcomes.Length, severities.Length + 1); i++)
        {
            TableCell outcome = string.Empty, results = string.Empty, severity = string.Empty, failures = string.Empty;
            if (i < knownOutcomes.Length)
            {
                outcome = Tables.Coloured(ReportText.Word(knownOutcomes[i]), styles.Palette.ForWord(knownOutcomes[i]), styles.CellBold);
                results = CountOf(report.Summary.Outcomes, knownOutcomes[i]);
            }

            if (i < severities.Length)
            {
                severity = Tables.Coloured(ReportText.Word(severities[i]), Palette.ForSeverity(severities[i]), styles.CellBold);
                failures = CountOf(report.Summary.FailuresBySeverity, severities[i]);
            }
            else if (i == severities.Length)
            {
                severity = "WAIVED";
                failures = ReportText.Count(report.Summary.Waived);
            }

            table.AddRow(outcome, results, severity, failures);
        }

        table.Render(flow);
        flow.Paragraph("Failures by severity leave out waived failures; they are counted apart.", styles.Note);
    }

    public static void Schemes(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        flow.Heading("Schemes", styles.Subheading, 12, 50);
        var table = new TableLayout(
            [
                new("Scheme", 30), new("Rating", 13), new("Score", 9, AlignRight: true), new("Pass", 8, AlignRight: true),
                new("Fail", 7, AlignRight: true), new("Inconclusive", 14, AlignRight: true), new("N/A", 7, AlignRight: true),
                new("Not assessed", 13, AlignRight: true),
            ],
            styles.Cell,
            styles.CellBold);
        foreach (var scheme in report.Schemes)
        {
            table.AddRow(
                ReportText.SchemeName(scheme),
                Tables.Coloured(ReportText.Safe(scheme.Rating.Label), styles.Palette.ForWord(scheme.Rating.Label), styles.CellBold),
                ReportText.Percent(scheme.Rating.Score),
                CountOf(scheme.Summary, "pass"),
                CountOf(scheme.Summary, "fail"),
                CountOf(scheme.Summary, "inconclusive"),
                CountOf(scheme.Summary, "notApplicable"),
                CountOf(scheme.Summary, "notAssessed"));
        }

        Tables.RenderOrSay(flow, table, styles.Note, "No scheme was assessed.");
    }

    public static string CountOf(IReadOnlyDictionary<string, int> counts, string key) =>
        ReportText.Count(counts.TryGetValue(key, out var n) ? n : 0);
}

using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// The executive summary: result counts, each scheme's rating beside its provision counts, the charts, and the few
/// findings to fix first in plain words, for a reader who reads nothing else.
/// </summary>
internal static class SummarySection
{
    public const string Title = "Executive summary";
    public const string Anchor = "summary";
    public const string TopTitle = "Most important findings";
    public const int TopCount = 5;

    private static readonly string[] Outcomes = ["pass", "fail", "inconclusive", "notApplicable", "error"];

    public static void Compose(FlowLayout flow, AuditReport report, ReportStyles styles, IChartSource charts)
    {
        Sections.Start(flow, Title, Anchor, styles);
        flow.Paragraph(Overview(report), styles.Body);
        flow.Space(6);
        SummaryTables.Results(flow, report, styles, Outcomes);
        charts.Compose(flow, report, styles);
        SummaryTables.Schemes(flow, report, styles);
        Top(flow, report, styles);
    }

    /// <summary>The failures to fix first: not waived, most severe first, then by rule id.</summary>
    public static IReadOnlyList<ResultEntry> TopFindings(AuditReport report) =>
        ReportFindings.Failures(report.Results).Where(r => r.Waiver is not { Applied: true }).Take(TopCount).ToArray();

    private static string Overview(AuditReport report)
    {
        int Count(string outcome) => report.Summary.Outcomes.TryGetValue(outcome, out var n) ? n : 0;
        var failed = report.Schemes.Count(s => s.Rating.Failed);
        var text = $"The audit ran {ReportText.Count(report.Results.Count)} checks: {ReportText.Count(Count("fail"))} failed, "
            + $"{ReportText.Count(Count("inconclusive"))} were inconclusive and {ReportText.Count(Count("pass"))} passed.";
        if (report.Summary.Waived > 0)
        {
            text += report.Summary.Waived == 1
                ? " 1 failure is accepted by a waiver."
                : $" {ReportText.Count(report.Summary.Waived)} failures are accepted by a waiver.";
        }

        if (report.Schemes.Count > 0)
        {
            text += $" The evidence shows non-compliance with {ReportText.Count(failed)} of the {ReportText.Count(report.Schemes.Count)} schemes assessed.";
        }

        return text;
    }

    private static void Top(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        flow.Heading(TopTitle, styles.Subheading, 12, 40);
        var top = TopFindings(report);
        if (top.Count == 0)
        {
            flow.Paragraph("No check failed (waived failures aside).", styles.Note);
            return;
        }

        var rules = RuleIndex.Of(report);
        for (var i = 0; i < top.Count; i++)
        {
            var f = top[i];
            var rule = rules.Find(f.RuleId);
            var block = new Block(flow.Left, flow.Width);
            var title = rule is null ? ReportText.Safe(f.Message) : ReportText.Safe(rule.Title);
            block.Paragraph($"{i + 1}. {ReportText.Safe(f.RuleId)} ({ReportText.Word(f.Severity)}): {title}", styles.Label);
            block.Paragraph($"In {ReportText.Safe(f.Artifact, 300)}.", styles.Body, 12);
            if (rule is not null)
            {
                block.Paragraph("What to do: " + ReportText.FirstSentences(rule.Remediation), styles.Body, 12);
            }

            block.Space(4);
            flow.Place(block);
        }
    }
}

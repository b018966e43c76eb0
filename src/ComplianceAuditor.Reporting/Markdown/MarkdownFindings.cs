using System.Globalization;
using ComplianceAuditor.Reporting.Model;
using static ComplianceAuditor.Reporting.Markdown.MarkdownText;

namespace ComplianceAuditor.Reporting.Markdown;

/// <summary>The failed findings, most severe first, as one table cut to the room it is given.</summary>
internal static class MarkdownFindings
{
    public static void Write(IReadOnlyList<ResultEntry> failures, MarkdownOutput output)
    {
        var waived = failures.Count(f => f.Waiver is { Applied: true });
        output.Line();
        output.Line(string.Create(CultureInfo.InvariantCulture, $"### Findings: {failures.Count} failed, {waived} of them waived"));
        output.Line();
        if (failures.Count == 0)
        {
            output.Line("No rule failed.");
            return;
        }

        output.Rows(["| Severity | Rule | Artifact | Message |", "|---|---|---|---|"], failures, Row, "findings", reserve: 0);
    }

    private static string Row(ResultEntry f) =>
        $"| {Cell(f.Severity, 20)}{Waiver(f.Waiver)} | {Cell(f.RuleId, 40)} | {Cell(f.Artifact, 300)} | {Cell(f.Message, 300)} |";

    /// <summary>
    /// A waived failure stays in the table, marked, so a reviewer sees what was accepted and until when; a failure
    /// under an expired waiver counts again and says so.
    /// </summary>
    private static string Waiver(WaiverEntry? waiver) => waiver switch
    {
        null => "",
        { Applied: true } => $", **waived until {Cell(waiver.Expires, 20)}**",
        _ => $", **waiver expired {Cell(waiver.Expires, 20)}**",
    };
}

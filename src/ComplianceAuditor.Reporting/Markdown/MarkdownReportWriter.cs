using System.Text;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Markdown;

/// <summary>
/// Writes <c>report.md</c>: a summary for a pull-request comment or a CI job summary, which GitHub renders. It holds
/// the ratings, the counts, the failed findings and the failing provisions, never more than <see cref="MaxLength"/>
/// characters (a comment may hold 65,536), and points to <c>report.json</c> and <c>report.html</c> for the rest.
/// Every string from the report is escaped by <see cref="MarkdownText"/>, because most of them come from the firmware.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public const int MaxLength = 60_000;

    /// <summary>Room for the notes, kept before the findings are laid out so that a long findings table cannot push them out.</summary>
    private const int NotesShare = 5_000;

    public string Format => "md";

    public string FileName => "report.md";

    public async Task WriteAsync(AuditReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        // GetBytes writes no byte-order mark, which GitHub would show in a comment.
        await output.WriteAsync(Encoding.UTF8.GetBytes(Render(report)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The whole document: the same report always gives the same text, with "\n" line endings.</summary>
    public static string Render(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var notes = new MarkdownOutput(NotesShare);
        MarkdownNotes.Write(report.Notes, notes);

        // The summary's lists each have a share of their own, so it stays small whatever the report holds.
        var head = new MarkdownOutput(MaxLength);
        MarkdownSummary.Write(report, head);
        MarkdownDeclaration.Write(report, head);

        var available = MaxLength - head.Length - notes.Length;
        var allProvisions = new MarkdownOutput(int.MaxValue);
        MarkdownProvisions.Write(report.Schemes, allProvisions);
        // The findings come first, but up to a third of the room stays for the failing provisions: a firmware with
        // thousands of findings must still show which provisions it fails.
        var provisionsReserve = Math.Min(allProvisions.Length, Math.Max(available / 3, MarkdownProvisions.MinimumLength(report.Schemes)));
        var findings = new MarkdownOutput(available - provisionsReserve);
        MarkdownFindings.Write(ReportFindings.Failures(report.Results), findings);

        var provisions = allProvisions;
        if (allProvisions.Length > available - findings.Length)
        {
            provisions = new MarkdownOutput(available - findings.Length);
            MarkdownProvisions.Write(report.Schemes, provisions);
        }

        return string.Concat(head.ToString(), findings.ToString(), provisions.ToString(), notes.ToString());
    }
}

using static ComplianceAuditor.Reporting.Markdown.MarkdownText;

namespace ComplianceAuditor.Reporting.Markdown;

/// <summary>The limits of the audit (containers not opened, history cut short), as the other formats list them.</summary>
internal static class MarkdownNotes
{
    public static void Write(IReadOnlyList<string> notes, MarkdownOutput output)
    {
        if (notes.Count == 0)
        {
            return;
        }

        output.Line();
        output.Line("### Limits of this audit");
        output.Line();
        output.Rows([], notes, n => "- " + Cell(n, 400), "notes", reserve: 0);
    }
}

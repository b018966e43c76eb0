using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>How a top-level section opens: on a page of its own, with its heading marked for the table of contents.</summary>
internal static class Sections
{
    public static void Start(FlowLayout flow, string title, string anchor, ReportStyles styles)
    {
        if (!flow.AtPageTop)
        {
            flow.NewPage();
        }

        flow.Mark(anchor);
        flow.Paragraph(title, styles.Heading);
        flow.Space(4);
    }
}

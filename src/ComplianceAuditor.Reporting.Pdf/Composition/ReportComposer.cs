using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>Lays out the whole report and says how it is framed and labelled.</summary>
internal static class ReportComposer
{
    public static FlowLayout Compose(AuditReport report, ReportStyles styles, PageSetup setup)
    {
        var flow = new FlowLayout(setup);
        SummarySection.Compose(flow, report, styles);
        UnpackingSection.Compose(flow, report, styles);
        FindingsSection.Compose(flow, report, styles);
        ProvisionsSection.Compose(flow, report, styles);
        return flow;
    }

    public static PageFrame Frame(AuditReport report, ReportStyles styles) => new(
        SummarySection.Title,
        $"{ReportText.Safe(report.Tool.Name)} {ReportText.Safe(report.Tool.Version)}",
        $"Generated {ReportText.Timestamp(report.GeneratedAt)}",
        styles.Frame,
        new SkiaSharp.SKColor(0xFFBDBDBD));

    public static DocumentInfo Info(AuditReport report)
    {
        var tool = $"{ReportText.Safe(report.Tool.Name)} {ReportText.Safe(report.Tool.Version)}";
        var inputs = string.Join(", ", report.Inputs.Select(i => ReportText.Safe(i.Name)));
        var subject = inputs.Length == 0 ? "Security compliance audit" : $"Security compliance audit of {inputs}";
        return new DocumentInfo(SummarySection.Title, ReportText.Safe(subject, 300), tool, report.GeneratedAt);
    }
}

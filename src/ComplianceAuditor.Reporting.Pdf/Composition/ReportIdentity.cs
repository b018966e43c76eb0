using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>What the report is about, in the words the cover, the running header and the metadata share.</summary>
internal static class ReportIdentity
{
    public const string Title = "Compliance audit report";

    /// <summary>
    /// The product as the manufacturer declared it (manufacturer, model, firmware version), else the input names:
    /// a lab files the report under the product, and the input file name is the best stand-in without a declaration.
    /// </summary>
    public static string Device(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Declaration is { } d && (d.Manufacturer ?? d.Model) is not null)
        {
            var parts = new[] { d.Manufacturer, d.Model, d.FirmwareVersion is { } v ? $"firmware {v}" : null }.OfType<string>();
            return ReportText.Safe(string.Join(" ", parts), 160);
        }

        return Inputs(report);
    }

    public static string Inputs(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Inputs.Count == 0 ? "no inputs" : ReportText.Safe(string.Join(", ", report.Inputs.Select(i => i.Name)), 160);
    }

    public static string Tool(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{ReportText.Safe(report.Tool.Name)} {ReportText.Safe(report.Tool.Version)}";
    }
}

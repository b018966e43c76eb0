using ComplianceAuditor.Reporting;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Reporting.Json;
using ComplianceAuditor.Reporting.Markdown;
using ComplianceAuditor.Reporting.Pdf;
using ComplianceAuditor.Reporting.Sarif;

namespace ComplianceAuditor.Cli.Output;

/// <summary>The report formats, by <c>--format</c> name.</summary>
internal static class ReportFormats
{
    public static readonly IReadOnlyList<string> Names = ["json", "sarif", "html", "pdf", "md"];

    /// <summary>Splits <c>json,sarif</c> (and <c>all</c>); returns null and the offending name when one is unknown.</summary>
    public static (IReadOnlyList<string>? Formats, string? Unknown) Parse(IEnumerable<string> values)
    {
        var formats = new List<string>();
        foreach (var raw in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var name = raw.ToLowerInvariant();
            if (name == "all")
            {
                formats.AddRange(Names);
            }
            else if (Names.Contains(name))
            {
                formats.Add(name);
            }
            else
            {
                return (null, raw);
            }
        }

        return (formats.Distinct().ToArray(), null);
    }

    public static IReportWriter Create(string format, string? pdfFont) => format switch
    {
        "json" => new JsonReportWriter(),
        "sarif" => new SarifReportWriter(),
        "html" => new HtmlReportWriter(),
        "pdf" => new PdfReportWriter(new PdfOptions { FontFile = pdfFont }),
        "md" => new MarkdownReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };
}

using ComplianceAuditor.Cli.Audit;
using ComplianceAuditor.Reporting;
using ComplianceAuditor.Reporting.CycloneDx;
using ComplianceAuditor.Reporting.Html;
using ComplianceAuditor.Reporting.Json;
using ComplianceAuditor.Reporting.Markdown;
using ComplianceAuditor.Reporting.Pdf;
using ComplianceAuditor.Reporting.Sarif;

namespace ComplianceAuditor.Cli.Output;

/// <summary>The report formats, by <c>--format</c> name.</summary>
internal static class ReportFormats
{
    public static readonly IReadOnlyList<string> Names = ["json", "sarif", "html", "pdf", "md", "cyclonedx"];

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

    /// <summary>
    /// The writer for one format, set up from the options that shape it. Called before the audit runs, so a broken
    /// template or logo stops the run at once (<see cref="TemplateException"/>) instead of after the work.
    /// </summary>
    /// <param name="theme">The lab's theme, loaded once by the caller for all writers; null without <c>--theme</c>.</param>
    public static IReportWriter Create(string format, AuditSettings settings, Reporting.Theme.ReportTheme? theme) => format switch
    {
        "json" => new JsonReportWriter(),
        "sarif" => new SarifReportWriter(),
        "html" => new HtmlReportWriter(settings.TemplateDirectory, theme),
        "pdf" => new PdfReportWriter(new PdfOptions
        {
            FontFile = settings.PdfFont,
            Theme = theme ?? Reporting.Theme.ReportTheme.Default,
        }),
        "md" => new MarkdownReportWriter(),
        "cyclonedx" => new CycloneDxReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };
}

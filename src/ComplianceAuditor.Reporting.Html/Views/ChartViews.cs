using ComplianceAuditor.Reporting.Charts;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Html.Views;

/// <summary>
/// The summary charts as inline SVG for the page: the same charts the PDF draws, from the Charts project. Their SVG
/// is printed unencoded, which is safe because the chart code escapes every text it writes (scheme titles come from
/// rule files anyone can write) and emits no script, link or external reference.
/// </summary>
internal static class ChartViews
{
    public static IReadOnlyList<ChartView> For(AuditReport report, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportCharts.For(report)
            .Select(c => new ChartView(c.Id, c.Title, c.Description, new TrustedMarkup(c.ToSvg(style))))
            .ToArray();
    }
}

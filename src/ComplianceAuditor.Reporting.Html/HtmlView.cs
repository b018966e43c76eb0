using System.Globalization;
using ComplianceAuditor.Reporting.Html.Views;
using ComplianceAuditor.Reporting.Model;

namespace ComplianceAuditor.Reporting.Html;

/// <summary>
/// What the templates see: the report itself plus what Liquid cannot express well (findings in severity order,
/// ratings in each model's form, counts in a fixed order, links checked to be http(s)). A lab's template can use
/// any of these names; <c>report</c> gives the whole <c>report.json</c> model.
/// </summary>
public sealed class HtmlView
{
    private static readonly string[] OutcomeOrder = ["pass", "fail", "notApplicable", "inconclusive", "error"];

    public HtmlView(AuditReport report, IReadOnlyList<ChartView> charts, ThemeView? theme = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        Report = report;
        Charts = charts;
        Theme = theme;
        GeneratedAt = report.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        Schemes = report.Schemes.Select(s => new SchemeView(s)).ToArray();
        Findings = FindingView.From(report);
        Failures = Findings.Count(f => f.Outcome == "fail");
        OutcomeCounts = CountView.Ordered(report.Summary.Outcomes, OutcomeOrder);
        SeverityCounts = CountView.Ordered(report.Summary.FailuresBySeverity, ReportFindings.SeverityOrder);
        Method = new MethodView(report, Schemes);
        ToolLink = LinkView.Safe(report.Tool.InformationUri);
    }

    public AuditReport Report { get; }

    public string GeneratedAt { get; }

    public IReadOnlyList<SchemeView> Schemes { get; }

    /// <summary>The schemes that are rating models of ComplianceAuditor's own, which the page must say are not official.</summary>
    public IReadOnlyList<SchemeView> Models => Schemes.Where(s => s.IsModel).ToArray();

    /// <summary>The device as the manufacturer's declaration names it (manufacturer, model, firmware), or null.</summary>
    public DeclarationEntry? Device => Report.Declaration;

    /// <summary>Failures, errors and inconclusive results, most severe first.</summary>
    public IReadOnlyList<FindingView> Findings { get; }

    /// <summary>How many of <see cref="Findings"/> are failures (waived ones included).</summary>
    public int Failures { get; }

    public IReadOnlyList<CountView> OutcomeCounts { get; }

    /// <summary>Failures by severity, waived ones left out (as <c>report.json</c> counts them).</summary>
    public IReadOnlyList<CountView> SeverityCounts { get; }

    public MethodView Method { get; }

    public IReadOnlyList<ChartView> Charts { get; }

    /// <summary>The lab's branding (<c>--theme</c>), or null when the report carries only the tool's own look.</summary>
    public ThemeView? Theme { get; }

    /// <summary>The tool's web page, only when it is an http(s) address.</summary>
    public string? ToolLink { get; }

    public IReadOnlyList<string> Outcomes { get; } = OutcomeOrder;

    public IReadOnlyList<string> Severities { get; } = ReportFindings.SeverityOrder;

    /// <summary>Display words for outcomes and verdicts (<c>notApplicable</c> to <c>NOT APPLICABLE</c>), for Liquid lookups.</summary>
    public IReadOnlyDictionary<string, string> Words { get; } =
        new[] { "pass", "fail", "notApplicable", "inconclusive", "notAssessed", "error" }.ToDictionary(w => w, Names.Display, StringComparer.Ordinal);

    /// <summary>The page's script, rendered from <c>_script.liquid</c> before the page (see <see cref="ScriptHash"/>).</summary>
    public TrustedMarkup Script { get; internal init; } = new(string.Empty);

    /// <summary>
    /// Base64 SHA-256 of <see cref="Script"/>, for the page's Content-Security-Policy: the browser runs that script
    /// and no other, so a script planted in firmware text could not run even if encoding failed somewhere.
    /// </summary>
    public TrustedMarkup ScriptHash { get; internal init; } = new(string.Empty);
}

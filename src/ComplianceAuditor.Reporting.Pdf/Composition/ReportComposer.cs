using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>The laid-out document: its pages, how many of them the cover takes, and the contents it lists.</summary>
internal sealed record ComposedReport(IReadOnlyList<IReadOnlyList<DrawOp>> Pages, int CoverPages, IReadOnlyList<(TocEntry Entry, int Page)> Contents);

/// <summary>
/// Lays out the whole report in reading order - cover, contents, executive summary, one section per scheme,
/// findings, method and limits - and says how it is framed and labelled.
/// </summary>
internal static class ReportComposer
{
    private static readonly string[] Keywords = ["security compliance", "IoT", "firmware"];

    public static ComposedReport Compose(AuditReport report, ReportStyles styles, PageSetup setup, IChartSource charts, CoverLogo? logo = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cover = new FlowLayout(setup);
        CoverSection.Compose(cover, report, styles, logo);

        var body = new FlowLayout(setup);
        SummarySection.Compose(body, report, styles, charts);
        for (var i = 0; i < report.Schemes.Count; i++)
        {
            SchemeSection.Compose(body, report.Schemes[i], i, styles);
        }

        FindingsSection.Compose(body, report, styles);
        MethodSection.Compose(body, report, styles);

        var entries = Entries(report);

        // First pass without numbers to learn the contents' length; the second has the real (1-based, physical) numbers.
        var sizing = new FlowLayout(setup);
        TocSection.Compose(sizing, entries, _ => null, styles);
        var offset = cover.Pages.Count + sizing.Pages.Count;
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, page) in body.Anchors)
        {
            pages.TryAdd(name, offset + page + 1);
        }

        var toc = new FlowLayout(setup);
        TocSection.Compose(toc, entries, a => pages.TryGetValue(a, out var p) ? p : null, styles);
        if (toc.Pages.Count != sizing.Pages.Count)
        {
            throw new InvalidOperationException("the table of contents changed length once page numbers were added");
        }

        var contents = entries.Select(e => (e, pages[e.Anchor])).ToArray();
        return new ComposedReport([.. cover.Pages, .. toc.Pages, .. body.Pages], cover.Pages.Count, contents);
    }

    public static IReadOnlyList<TocEntry> Entries(AuditReport report)
    {
        var entries = new List<TocEntry> { new(SummarySection.Title, SummarySection.Anchor, 0) };
        if (report.Schemes.Count > 0)
        {
            entries.AddRange(report.Schemes.Select((s, i) => new TocEntry(SchemeSection.Title(s), SchemeSection.Anchor(i), 0)));
        }

        entries.Add(new TocEntry(FindingsSection.Title, FindingsSection.Anchor, 0));
        entries.Add(new TocEntry(MethodSection.Title, MethodSection.Anchor, 0));
        return entries;
    }

    /// <summary>
    /// Every page but the first has the running header and "Page n of N": a cover that runs on (many inputs) is
    /// numbered like the rest, so a page of it cannot go missing unnoticed.
    /// </summary>
    public static PageFrame Frame(AuditReport report, ReportStyles styles)
    {
        var footer = styles.Theme.Footer is { } f
            ? ReportText.Safe(f)
            : $"{ReportIdentity.Tool(report)}, {ReportText.Timestamp(report.GeneratedAt)}";
        return new PageFrame(ReportIdentity.Title, ReportIdentity.Device(report), footer, styles.Frame, ReportStyles.RuleGrey, FirstFramedPage: 1);
    }

    public static DocumentInfo Info(AuditReport report, ReportStyles styles)
    {
        var tool = ReportIdentity.Tool(report);
        var subject = report.Inputs.Count == 0 ? "Security compliance audit" : $"Security compliance audit of {ReportIdentity.Inputs(report)}";
        var author = styles.Theme.Name is { } lab ? ReportText.Safe(lab) : tool;
        var keywords = string.Join(", ", Keywords.Concat(report.Schemes.Select(s => ReportText.Safe(s.ShortTitle))));
        return new DocumentInfo(ReportIdentity.Title, ReportText.Safe(subject, 300), author, tool, ReportText.Safe(keywords, 1000), report.GeneratedAt);
    }
}

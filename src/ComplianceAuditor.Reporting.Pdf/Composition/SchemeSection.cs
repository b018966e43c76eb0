using System.Globalization;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// One section per scheme: its rating and how it is computed, then every provision with its verdict, what the verdict
/// rests on (evidence, the declared answer, a condition) and why; provisions not assessed are listed with the reason.
/// </summary>
internal static class SchemeSection
{
    public static string Anchor(int index) => string.Create(CultureInfo.InvariantCulture, $"scheme-{index + 1}");

    public static string Title(SchemeEntry scheme) => ReportText.Safe(scheme.ShortTitle);

    public static void Compose(FlowLayout flow, SchemeEntry scheme, int index, ReportStyles styles)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        Sections.Start(flow, Title(scheme), Anchor(index), styles);
        flow.Paragraph($"{ReportText.Safe(scheme.Title, 300)}, version {ReportText.Safe(scheme.Version)}", styles.Body);
        if (scheme.Kind == "model")
        {
            flow.Paragraph("Our model: this rating is ComplianceAuditor's own, not an official scheme or label.", styles.Warning);
        }

        flow.Space(6);
        flow.KeepTogether(RatingBadge.Height + 4);
        var top = flow.Y;
        flow.Text(flow.Left, top + ((RatingBadge.Height - styles.Label.LineHeight) / 2), "Rating", styles.Label);
        RatingBadge.Draw(flow, flow.Left + 60, top, scheme.Rating, styles);
        flow.Advance(RatingBadge.Height + 4);
        flow.Paragraph("How it is computed: " + ReportText.Safe(scheme.Rating.Formula, 800), styles.Note);
        if (scheme.RatingNote is { } note)
        {
            flow.Paragraph(ReportText.Safe(note, 600), styles.Note);
        }

        if (scheme.Rating.Explanation.Count > 0)
        {
            flow.Paragraph("Held back by: " + ReportText.Safe(string.Join("; ", scheme.Rating.Explanation), 1200), styles.Note);
        }

        flow.Space(6);
        var table = new TableLayout(
            [new("Provision", 11), new("Title", 25), new("Verdict", 12), new("Rests on", 20), new("Reasons", 32)],
            styles.Cell,
            styles.CellBold);
        foreach (var p in scheme.Provisions)
        {
            table.AddRow(
                ReportText.Safe(p.Id) + (p.Status == "mandatory" ? string.Empty : $" ({ReportText.Safe(p.Status)})"),
                ReportText.Safe(p.Title, 300),
                Tables.Coloured(ReportText.Word(p.Verdict), styles.Palette.ForWord(p.Verdict), styles.CellBold),
                Basis(p),
                Reasons(p));
        }

        Tables.RenderOrSay(flow, table, styles.Note, "This scheme has no provisions.");
    }

    /// <summary>What the verdict rests on, with the declared answer when there is one.</summary>
    private static string Basis(ProvisionEntry p)
    {
        var parts = new List<string>();
        if (p.Basis.Count > 0)
        {
            parts.Add(string.Join(", ", p.Basis.Select(b => ReportText.Safe(b))));
        }
        else
        {
            parts.Add("assessed by: " + string.Join(", ", p.Assessment.Select(a => ReportText.Safe(a))));
        }

        if (p.Answer is { } answer)
        {
            var declared = $"declared {(answer.Met ? "met" : "not met")}";
            var detail = answer.Evidence ?? answer.Justification;
            parts.Add(detail is null ? declared : $"{declared}: {ReportText.Safe(detail, 300)}");
        }

        if (p.Waived > 0)
        {
            parts.Add($"{ReportText.Count(p.Waived)} waived");
        }

        return string.Join("; ", parts);
    }

    private static string Reasons(ProvisionEntry p)
    {
        var text = string.Join(" ", p.Reasons.Take(3).Select(r => ReportText.Safe(r, 300)));
        if (p.Reasons.Count > 3)
        {
            text += $" (+{ReportText.Count(p.Reasons.Count - 3)} more)";
        }

        if (p.Verdict == "notAssessed" && text.Length == 0)
        {
            // Only what a person must supply is named; a provision assessed only automatically had no check that applied.
            var needs = p.Assessment.Where(a => a != "automated").Select(a => ReportText.Safe(a)).ToArray();
            text = needs.Length == 0
                ? "Not assessed: no automated check gave a result."
                : "Not assessed: needs " + string.Join(" or ", needs) + ".";
        }

        return p.Conflicts.Count == 0 ? text : $"{text} CONFLICT: {ReportText.Safe(p.Conflicts[0], 300)}";
    }
}

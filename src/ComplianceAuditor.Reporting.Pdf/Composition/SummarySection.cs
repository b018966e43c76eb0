using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>Page one: what was audited with which rules, and the verdict per scheme with the result counts behind it.</summary>
internal static class SummarySection
{
    public const string Title = "Compliance audit report";

    private static readonly string[] Outcomes = ["pass", "fail", "notApplicable", "inconclusive", "error"];

    public static void Compose(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        flow.Paragraph(Title, styles.Title);
        flow.Space(8);
        const float labelWidth = 100;
        var tool = $"{ReportText.Safe(report.Tool.Name)} {ReportText.Safe(report.Tool.Version)}";
        flow.LabelledValue("Tool", tool, styles.Label, styles.Body, labelWidth);
        flow.LabelledValue("Generated at", ReportText.Timestamp(report.GeneratedAt) + " (UTC)", styles.Label, styles.Body, labelWidth);
        flow.LabelledValue("Ruleset SHA-256", ReportText.Safe(report.Tool.RulesetSha256), styles.Label, styles.Mono, labelWidth);
        if (report.Tool.DisabledRules.Count > 0)
        {
            var disabled = string.Join(", ", report.Tool.DisabledRules.Select(r => ReportText.Safe(r)));
            flow.LabelledValue("Disabled rules", disabled, styles.Label, styles.Body, labelWidth);
        }

        // A report that carries secrets must say so on its first page: it has to be handled as a secret itself.
        flow.LabelledValue(
            "Secrets",
            report.SecretsShown ? "SHOWN in this report (--show-secrets): handle it as confidential" : "redacted to a short prefix and a hash",
            styles.Label,
            styles.Body,
            labelWidth);
        Declared(flow, report, styles, labelWidth);
        Inputs(flow, report, styles);
        Schemes(flow, report, styles);
        Results(flow, report, styles);
    }

    /// <summary>The declaration and waivers the verdicts rest on, with their hashes, and what contradicts them.</summary>
    private static void Declared(FlowLayout flow, AuditReport report, ReportStyles styles, float labelWidth)
    {
        if (report.Declaration is { } d)
        {
            var who = string.Join(" ", new[] { d.Manufacturer, d.Model, d.FirmwareVersion is { } v ? $"firmware {v}" : null }.OfType<string>());
            flow.LabelledValue(
                "Declaration",
                $"{ReportText.Safe(d.Source)} (SHA-256 {ReportText.Safe(d.Sha256)}){(who.Length > 0 ? ", " + ReportText.Safe(who) : "")}: "
                + $"{ReportText.Count(d.Facts.Count)} facts, {ReportText.Count(d.Answers)} answers; verdicts that rest on it say so",
                styles.Label,
                styles.Body,
                labelWidth);
            foreach (var conflict in d.Conflicts)
            {
                flow.LabelledValue("Conflict", ReportText.Safe(conflict.Description, 600), styles.Label, styles.Body, labelWidth);
            }
        }

        if (report.Waivers is { } w)
        {
            flow.LabelledValue(
                "Waivers",
                $"{ReportText.Safe(w.Source)} (SHA-256 {ReportText.Safe(w.Sha256)}): {ReportText.Count(w.Applied)} failures waived, "
                + $"{ReportText.Count(w.Expired)} under an expired waiver, {ReportText.Count(w.Unused.Count)} unused",
                styles.Label,
                styles.Body,
                labelWidth);
        }
    }

    private static void Inputs(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        flow.Heading("Inputs", styles.Heading, 14, 45);
        var table = new TableLayout(
            [
                new("Name", 28), new("Kind", 9), new("SHA-256", 48, styles.CellMono), new("Size (bytes)", 15, AlignRight: true),
            ],
            styles.Cell,
            styles.CellBold);
        foreach (var input in report.Inputs)
        {
            table.AddRow(ReportText.Safe(input.Name), ReportText.Safe(input.Kind), ReportText.Safe(input.Sha256), ReportText.Count(input.Size));
        }

        Tables.RenderOrSay(flow, table, styles.Note, "No inputs recorded.");
    }

    private static void Schemes(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        flow.Heading("Verdict summary", styles.Heading, 14, 50);
        flow.Paragraph("Provision counts per scheme; the score is the share of applicable mandatory provisions that pass.", styles.Note);
        flow.Space(3);
        var table = new TableLayout(
            [
                new("Scheme", 30), new("Rating", 13), new("Score", 9, AlignRight: true), new("Pass", 9, AlignRight: true),
                new("Fail", 9, AlignRight: true), new("Inconclusive", 13, AlignRight: true), new("Not assessed", 13, AlignRight: true),
            ],
            styles.Cell,
            styles.CellBold);
        foreach (var scheme in report.Schemes)
        {
            var label = ReportText.Safe(scheme.Rating.Label);
            table.AddRow(
                ReportText.Safe(scheme.ShortTitle),
                Tables.Coloured(label, Palette.ForWord(scheme.Rating.Label), styles.CellBold),
                ReportText.Percent(scheme.Rating.Score),
                CountOf(scheme.Summary, "pass"),
                CountOf(scheme.Summary, "fail"),
                CountOf(scheme.Summary, "inconclusive"),
                CountOf(scheme.Summary, "notAssessed"));
        }

        Tables.RenderOrSay(flow, table, styles.Note, "No scheme was assessed.");
    }

    private static void Results(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        flow.Heading("Results", styles.Heading, 14, 35);
        const float width = 230;
        var outcomes = new TableLayout([new("Outcome", 3), new("Results", 2, AlignRight: true)], styles.Cell, styles.CellBold, width);
        var known = Outcomes.Concat(report.Summary.Outcomes.Keys.Except(Outcomes).Order(StringComparer.Ordinal));
        foreach (var outcome in known)
        {
            outcomes.AddRow(
                Tables.Coloured(ReportText.Word(outcome), Palette.ForWord(outcome), styles.CellBold),
                CountOf(report.Summary.Outcomes, outcome));
        }

        outcomes.Render(flow);
        flow.Space(10);

        var severities = new TableLayout([new("Severity", 3), new("Failures", 2, AlignRight: true)], styles.Cell, styles.CellBold, width);
        var ordered = ReportFindings.SeverityOrder
            .Concat(report.Summary.FailuresBySeverity.Keys.Except(ReportFindings.SeverityOrder).Order(StringComparer.Ordinal));
        foreach (var severity in ordered)
        {
            severities.AddRow(
                Tables.Coloured(ReportText.Word(severity), Palette.ForSeverity(severity), styles.CellBold),
                CountOf(report.Summary.FailuresBySeverity, severity));
        }

        severities.Render(flow);
    }

    private static string CountOf(IReadOnlyDictionary<string, int> counts, string key) =>
        ReportText.Count(counts.TryGetValue(key, out var n) ? n : 0);
}

using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>The inputs besides the firmware that verdicts rest on: the declaration, the waivers and the rule selection.</summary>
internal static class MethodDeclarations
{
    private const int MaxListed = 40;

    public static void Compose(FlowLayout flow, AuditReport report, ReportStyles styles, float labelWidth)
    {
        flow.Heading("Declaration, waivers and rules", styles.Subheading, 12, 30);
        if (report.Declaration is { } d)
        {
            flow.LabelledValue(
                "Declaration",
                $"{ReportText.Safe(d.Source)} (SHA-256 {ReportText.Safe(d.Sha256)}): {ReportText.Count(d.Answers)} answers, "
                + $"{ReportText.Count(d.Facts.Count)} facts. Verdicts that rest on it say so in the scheme tables.",
                styles.Label,
                styles.Body,
                labelWidth);
            foreach (var conflict in d.Conflicts)
            {
                flow.LabelledValue("Conflict", ReportText.Safe(conflict.Description, 600), styles.Label, styles.Warning, labelWidth);
            }
        }
        else
        {
            flow.LabelledValue("Declaration", "none: provisions that need the manufacturer's answer are not assessed", styles.Label, styles.Body, labelWidth);
        }

        if (report.Waivers is { } w)
        {
            flow.LabelledValue(
                "Waivers",
                $"{ReportText.Safe(w.Source)} (SHA-256 {ReportText.Safe(w.Sha256)}): {ReportText.Count(w.Waivers)} waivers; "
                + $"{ReportText.Count(w.Applied)} failures waived, {ReportText.Count(w.Expired)} under an expired waiver, "
                + $"{ReportText.Count(w.Unused.Count)} unused",
                styles.Label,
                styles.Body,
                labelWidth);
            foreach (var unused in w.Unused.Take(MaxListed))
            {
                flow.LabelledValue("Unused waiver", ReportText.Safe(unused, 300), styles.Label, styles.Body, labelWidth);
            }
        }
        else
        {
            flow.LabelledValue("Waivers", "none", styles.Label, styles.Body, labelWidth);
        }

        var disabled = report.Tool.DisabledRules.Count == 0
            ? "none"
            : string.Join(", ", report.Tool.DisabledRules.Select(r => ReportText.Safe(r)));
        flow.LabelledValue("Disabled rules", disabled, styles.Label, styles.Body, labelWidth);
        flow.LabelledValue("Rules", $"{ReportText.Count(report.Rules.Count)} rules, rule set SHA-256 {ReportText.Safe(report.Tool.RulesetSha256)}", styles.Label, styles.Body, labelWidth);
        if (report.Baseline is { } b)
        {
            flow.LabelledValue(
                "Baseline",
                $"{ReportText.Safe(b.Source)} (SHA-256 {ReportText.Safe(b.Sha256)}): {ReportText.Count(b.New)} new, {ReportText.Count(b.Unchanged)} unchanged, {ReportText.Count(b.Absent)} gone",
                styles.Label,
                styles.Body,
                labelWidth);
        }
    }
}

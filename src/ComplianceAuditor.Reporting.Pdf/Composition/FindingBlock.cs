using System.Globalization;
using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;
using SkiaSharp;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>One finding laid out as a <see cref="Block"/>, so the flow can keep it on one page.</summary>
internal static class FindingBlock
{
    private const float LabelWidth = 90;
    private const int MaxEvidence = 5;
    private static readonly SKColor Band = new(0xFFE6E9EE);

    public static Block Build(FlowLayout flow, ResultEntry finding, RuleEntry? rule, ReportStyles styles)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(finding);
        var block = new Block(flow.Left, flow.Width);
        var title = rule is null ? string.Empty : " " + ReportText.Safe(rule.Title, 300);
        block.Paragraph($"{ReportText.Safe(finding.RuleId)}{title}", styles.Label, background: Band);
        block.Space(3);

        var verdict = $"{ReportText.Word(finding.Severity)} severity, {ReportText.Word(finding.Outcome)}";
        block.LabelledValue("Result", verdict, styles.Label, styles.Body.WithColour(styles.Palette.ForWord(finding.Outcome) ?? ReportStyles.Ink), LabelWidth);
        if (finding.Waiver is { } w)
        {
            var state = w.Applied ? "WAIVED" : "WAIVER EXPIRED (the failure counts)";
            block.LabelledValue(
                "Waiver",
                $"{state}: until {ReportText.Safe(w.Expires)}, approved by {ReportText.Safe(w.Approver)}: {ReportText.Safe(w.Justification, 400)}",
                styles.Label,
                styles.Body,
                LabelWidth);
        }

        block.LabelledValue("Artifact", ReportText.Safe(finding.Artifact, 400), styles.Label, styles.Mono, LabelWidth);
        block.LabelledValue("Found", ReportText.MessageAndReason(finding), styles.Label, styles.Body, LabelWidth);
        Evidence(block, finding, styles);
        if (rule is not null)
        {
            block.LabelledValue("Why it matters", ReportText.Prose(rule.Rationale, 1500), styles.Label, styles.Body, LabelWidth);
            block.LabelledValue("What to do", ReportText.Prose(rule.Remediation, 1500), styles.Label, styles.Body, LabelWidth);
        }

        block.Space(10);
        return block;
    }

    /// <summary>What opens each further page of a finding too tall for one page.</summary>
    public static Block Continuation(FlowLayout flow, ResultEntry finding, ReportStyles styles)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(finding);
        var block = new Block(flow.Left, flow.Width);
        block.Paragraph($"{ReportText.Safe(finding.RuleId)} (continued)", styles.Label, background: Band);
        block.Space(3);
        return block;
    }

    private static void Evidence(Block block, ResultEntry finding, ReportStyles styles)
    {
        var shown = finding.Evidence.Take(MaxEvidence).ToArray();
        for (var i = 0; i < shown.Length; i++)
        {
            var e = shown[i];
            var where = Where(e, finding.Artifact);
            var description = ReportText.Safe(e.Description ?? e.Kind, 300);
            block.LabelledValue(i == 0 ? "Evidence" : string.Empty, where.Length == 0 ? description : $"{description} ({where})", styles.Label, styles.Body, LabelWidth);
            if (e.Excerpt is { Length: > 0 } excerpt)
            {
                // Excerpts are firmware content: in the mono face, line breaks kept, every line sanitised.
                block.Paragraph(ReportText.Lines(excerpt, 1200), styles.Mono, LabelWidth + 8);
            }
        }

        if (finding.Evidence.Count > MaxEvidence)
        {
            block.LabelledValue(string.Empty, $"and {ReportText.Count(finding.Evidence.Count - MaxEvidence)} more items (see report.json)", styles.Label, styles.Note, LabelWidth);
        }
    }

    /// <summary>Where the evidence is: path (when not the artifact), line and column, byte offset and length, symbol, commit.</summary>
    private static string Where(EvidenceEntry e, string artifact)
    {
        var parts = new List<string>();
        if (e.Path is { } path && path != artifact)
        {
            parts.Add(ReportText.Safe(path, 300));
        }

        if (e.Line is { } line)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}{(e.Column is { } c ? $", column {c}" : "")}"));
        }

        if (e.ByteOffset is { } offset)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"offset 0x{offset:X}{(e.ByteLength is { } n ? $", {n} bytes" : "")}"));
        }

        if (e.Symbol is { } symbol)
        {
            parts.Add("symbol " + ReportText.Safe(symbol, 120));
        }

        if (e.Commit is { } commit)
        {
            parts.Add("commit " + ReportText.Safe(commit, 64));
        }

        return string.Join(", ", parts);
    }
}

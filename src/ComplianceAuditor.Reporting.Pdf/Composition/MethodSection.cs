using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// Method and limits: what was read and how, what could not be read, the declaration and waivers the verdicts rest
/// on, and what a tool reading firmware cannot judge. A lab reads every verdict against this section.
/// </summary>
internal static class MethodSection
{
    public const string Title = "Method and limits";
    public const string Anchor = "method";
    private const float LabelWidth = 110;
    private const int MaxListed = 40;

    public const string CannotJudge =
        "This audit reads the firmware image and source as data. It cannot observe the running device, so it does not "
        + "judge physical protections (debug ports, tamper resistance, secure storage in hardware), behaviour on the "
        + "network, the manufacturer's processes (vulnerability handling, support periods, documentation given to "
        + "users) or anything that needs a lab test on a real device. Provisions that can only be settled by a lab or by "
        + "the manufacturer's declaration stay not assessed until such an answer is given; they are listed below.";

    public static void Compose(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        Sections.Start(flow, Title, Anchor, styles);
        Inputs(flow, report, styles);
        UnpackingSection.Compose(flow, report, styles);
        Unread(flow, report, styles);
        MethodDeclarations.Compose(flow, report, styles, LabelWidth);
        flow.Heading("What this tool cannot judge", styles.Subheading, 12, 40);
        flow.Paragraph(CannotJudge, styles.Body);
        flow.Space(4);
        Summarised(flow, report, styles);
        Unanswered(flow, report, styles);
    }

    private static void Inputs(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        flow.Heading("Inputs and unpacking", styles.Subheading, 4, 40);
        foreach (var input in report.Inputs)
        {
            flow.LabelledValue(
                ReportText.Safe(input.Name),
                $"{ReportText.Safe(input.Kind)}, {ReportText.Bytes(input.Size)}, {ReportText.Count(input.ArtifactCount)} artifacts",
                styles.Label,
                styles.Body,
                LabelWidth);
        }

        // How the artifacts were reached: read directly, or taken out of a container by which reader.
        var byReader = report.Artifacts
            .GroupBy(a => a.ExtractedBy ?? "read directly", StringComparer.Ordinal)
            .Select(g => (Reader: g.Key, Count: g.Count()))
            .OrderBy(g => g.Reader, StringComparer.Ordinal)
            .ToArray();
        if (byReader.Length > 0)
        {
            flow.Space(4);
            var table = new TableLayout([new("Unpacked by", 3), new("Artifacts", 1, AlignRight: true)], styles.Cell, styles.CellBold, 300);
            foreach (var (reader, count) in byReader)
            {
                table.AddRow(ReportText.Safe(reader), ReportText.Count(count));
            }

            table.Render(flow);
        }
    }

    private static void Unread(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        flow.Heading("What could not be read", styles.Subheading, 12, 30);
        var unreadable = report.Artifacts.Where(a => a.Kind == "unreadable").ToArray();
        if (unreadable.Length == 0 && report.Notes.Count == 0)
        {
            flow.Paragraph("Every artifact found could be read, and the audit recorded no limits.", styles.Body);
            return;
        }

        foreach (var note in report.Notes)
        {
            flow.Paragraph("• " + ReportText.Safe(note, 600), styles.Body, 6);
        }

        foreach (var artifact in unreadable.Take(MaxListed))
        {
            var why = artifact.Note is null ? string.Empty : ": " + ReportText.Safe(artifact.Note, 300);
            flow.Paragraph("• " + ReportText.Safe(artifact.Path, 300) + why, styles.Body, 6);
        }

        if (unreadable.Length > MaxListed)
        {
            flow.Paragraph($"and {ReportText.Count(unreadable.Length - MaxListed)} more unreadable artifacts (see report.json).", styles.Note, 6);
        }
    }

    /// <summary>Says which rules' findings the PDF summarised rather than listed, so a reader knows the list is not whole.</summary>
    private static void Summarised(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        var summarised = FindingsSection.Summarised(report);
        if (summarised.Count == 0)
        {
            return;
        }

        flow.Heading("Findings summarised in this PDF", styles.Subheading, 8, 30);
        flow.Paragraph(
            $"The findings section prints at most {FindingsSection.MaxBlocksPerRule} results of one rule in full; the rest are summarised "
            + "there with their number and first paths. Counts and the most important findings include every result; "
            + "report.json and report.html list each one. Summarised: "
            + string.Join(", ", summarised.Select(s => $"{ReportText.Safe(s.RuleId)} ({ReportText.Count(s.Summarised)} more)"))
            + ".",
            styles.Body);
        flow.Space(4);
    }

    /// <summary>Provisions only a lab or a declaration can settle that were left not assessed, per scheme.</summary>
    private static void Unanswered(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        var any = false;
        foreach (var scheme in report.Schemes)
        {
            var open = scheme.Provisions
                .Where(p => p.Verdict == "notAssessed" && p.Assessment.Any(a => a is "lab" or "declaration"))
                .Select(p => ReportText.Safe(p.Id) + (p.Assessment.Contains("lab") ? " (lab)" : " (declaration)"))
                .ToArray();
            if (open.Length > 0)
            {
                flow.LabelledValue(ReportText.Safe(scheme.ShortTitle, 40), string.Join(", ", open), styles.Label, styles.Body, LabelWidth);
                any = true;
            }
        }

        if (!any)
        {
            flow.Paragraph("No provision that needs a lab or a declaration was left unanswered.", styles.Body);
        }
    }
}

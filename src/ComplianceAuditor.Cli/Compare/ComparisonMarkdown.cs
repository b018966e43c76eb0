using ComplianceAuditor.Comparison;
using ComplianceAuditor.Comparison.Reading;
using static ComplianceAuditor.Cli.Compare.ComparisonDisplay;
using static ComplianceAuditor.Reporting.Markdown.MarkdownText;

namespace ComplianceAuditor.Cli.Compare;

/// <summary>
/// The Markdown rendering, for a pull-request comment: the gate's verdict first, then the same content as the
/// text rendering in tables. Every report string goes through <see cref="Reporting.Markdown.MarkdownText.Cell"/> (the report writer's escaping).
/// </summary>
internal static class ComparisonMarkdown
{
    public static void Write(ReportComparison comparison, TextWriter output)
    {
        output.WriteLine("## Compliance comparison");
        output.WriteLine();
        output.WriteLine($"**{Escape(GateSentence(comparison))}**");
        output.WriteLine();
        Table(output, ["", "Report", "Tool", "Generated", "Inputs"], [Report("Old", comparison.Old), Report("New", comparison.New)]);
        if (comparison.RulesetChanged)
        {
            output.WriteLine();
            output.WriteLine($"> The rule sets differ ({Cell(Short(comparison.Old.RulesetSha256), 12)} → {Cell(Short(comparison.New.RulesetSha256), 12)}): some changes may come from the rules, not the firmware.");
        }

        output.WriteLine();
        output.WriteLine("### Schemes");
        output.WriteLine();
        Table(output, ["Scheme", "Old", "New", "Change"], comparison.Schemes
            .Select(s => new[] { Cell(s.ShortTitle, 60), Escape(Rating(s.Old)), Escape(Rating(s.New)), Escape(SchemeChangeWords(s, comparison)) })
            .ToList());

        output.WriteLine();
        output.WriteLine($"### Provisions: {ProvisionCounts(comparison.Summary.Provisions)}");
        var provisions = ListedProvisions(comparison)
            .Select(p => new[] { Word(p.Kind), Cell(p.SchemeId, 60), Cell(p.ProvisionId, 40), Escape(Verdict(p.OldVerdict)), Escape(Verdict(p.NewVerdict)), Cell(p.Status, 20), Cell(p.Title) })
            .ToList();
        if (provisions.Count > 0)
        {
            output.WriteLine();
            Table(output, ["Change", "Scheme", "Provision", "Old", "New", "Status", "Title"], provisions);
        }

        output.WriteLine();
        output.WriteLine($"### Findings: {FindingCounts(comparison.Summary.Findings)}");
        var findings = ListedFindings(comparison)
            .Select(f => new[] { Word(f.Kind) + (f.WaiverLapsed ? " (waiver lapsed)" : ""), Cell(f.RuleId, 20), Cell(f.Severity, 20), Cell(f.Artifact, 300), Cell(f.Message) })
            .ToList();
        if (findings.Count > 0)
        {
            output.WriteLine();
            Table(output, ["Change", "Rule", "Severity", "Artifact", "Message"], findings);
        }
    }

    private static string[] Report(string side, ReportIdentity report) =>
        [side, Cell(report.Path, 500), Cell(report.ToolVersion, 40), Cell(report.GeneratedAt, 40), Escape(Inputs(report))];

    private static void Table(TextWriter output, string[] header, List<string[]> rows)
    {
        output.WriteLine("| " + string.Join(" | ", header) + " |");
        output.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            output.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }
}

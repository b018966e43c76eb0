using ComplianceAuditor.Comparison;
using ComplianceAuditor.Comparison.Reading;
using static ComplianceAuditor.Cli.Compare.ComparisonDisplay;

namespace ComplianceAuditor.Cli.Compare;

/// <summary>
/// The plain-text rendering for a terminal or a CI log: both reports, a schemes table, the changed provisions, the new,
/// fixed and waived findings, and the gate's verdict as the last line.
/// </summary>
internal static class ComparisonText
{
    public static void Write(ReportComparison comparison, TextWriter output)
    {
        output.WriteLine("Comparing two reports");
        Report(output, "old", comparison.Old);
        Report(output, "new", comparison.New);
        if (comparison.RulesetChanged)
        {
            output.WriteLine($"  note: the rule sets differ ({Safe(Short(comparison.Old.RulesetSha256), 12)} -> {Safe(Short(comparison.New.RulesetSha256), 12)}): some changes may come from the rules, not the firmware");
        }

        output.WriteLine();
        output.WriteLine("Schemes");
        Table(output, [["scheme", "title", "old", "new", "change"], .. comparison.Schemes.Select(s => Scheme(s, comparison))]);

        output.WriteLine();
        output.WriteLine($"Provisions: {ProvisionCounts(comparison.Summary.Provisions)}");
        Table(output, ListedProvisions(comparison)
            .Select(p => new[] { Word(p.Kind), Safe(p.SchemeId, 60), Safe(p.ProvisionId, 40), $"{Verdict(p.OldVerdict)} -> {Verdict(p.NewVerdict)}", Safe(p.Status, 20), Safe(p.Title) })
            .ToList());

        output.WriteLine();
        output.WriteLine($"Findings: {FindingCounts(comparison.Summary.Findings)}");
        Table(output, ListedFindings(comparison)
            .Select(f => new[] { Word(f.Kind) + (f.WaiverLapsed ? " (waiver lapsed)" : ""), Safe(f.RuleId, 20), Safe(f.Severity, 20), Safe(f.Artifact, 300), Safe(f.Message) })
            .ToList());

        output.WriteLine();
        output.WriteLine(GateSentence(comparison));
    }

    private static void Report(TextWriter output, string side, ReportIdentity report) =>
        output.WriteLine($"  {side}: {Safe(report.Path, 500)} (tool {Safe(report.ToolVersion, 40)}, generated {Safe(report.GeneratedAt, 40)}, inputs: {Inputs(report)})");

    private static string[] Scheme(SchemeChange s, ReportComparison comparison) =>
        [Safe(s.SchemeId, 60), Safe(s.ShortTitle, 60), Rating(s.Old), Rating(s.New), SchemeChangeWords(s, comparison)];

    /// <summary>Rows padded into columns, two spaces apart, indented under their heading; the last column is not padded.</summary>
    private static void Table(TextWriter output, List<string[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]));
            output.WriteLine("  " + string.Join("  ", cells).TrimEnd());
        }
    }
}

using ComplianceAuditor.Reporting.Model;
using ComplianceAuditor.Reporting.Pdf.Layout;

namespace ComplianceAuditor.Reporting.Pdf.Composition;

/// <summary>
/// Every failed and inconclusive result as a block of its own, kept on one page: where it is, the evidence, why it
/// matters and what to do. Failures come first, most severe first, in the order every format uses.
/// </summary>
internal static class FindingsSection
{
    public const string Title = "Findings";
    public const string Anchor = "findings";

    /// <summary>
    /// Blocks printed per rule; the rest of that rule's results get one summary block. One leaked key copied into
    /// 3000 files would otherwise fill thousands of pages that say the same thing; report.json and the HTML keep them all.
    /// </summary>
    public const int MaxBlocksPerRule = 25;

    private const int PathsNamed = 5;

    public static IReadOnlyList<ResultEntry> Order(IEnumerable<ResultEntry> results)
    {
        var all = results.ToArray();
        var inconclusive = all.Where(r => r.Outcome == "inconclusive")
            .OrderBy(r => ReportFindings.SeverityRank(r.Severity))
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .ThenBy(r => r.Artifact, StringComparer.Ordinal);
        return ReportFindings.Failures(all).Concat(inconclusive).ToArray();
    }

    public static void Compose(FlowLayout flow, AuditReport report, ReportStyles styles)
    {
        Sections.Start(flow, Title, Anchor, styles);
        var findings = Order(report.Results);
        var failed = findings.Count(f => f.Outcome == "fail");
        flow.Paragraph(
            $"{ReportText.Count(failed)} failed and {ReportText.Count(findings.Count - failed)} inconclusive results, failures first and "
            + "most severe first. Secrets in evidence are "
            + (report.SecretsShown ? "SHOWN as found (--show-secrets)." : "redacted to a short prefix and a hash."),
            styles.Note);
        flow.Space(6);
        if (findings.Count == 0)
        {
            flow.Paragraph("No check failed and none was inconclusive.", styles.Body);
            return;
        }

        var rules = RuleIndex.Of(report);
        var byRule = findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var count = placed[finding.RuleId] = placed.GetValueOrDefault(finding.RuleId) + 1;
            if (count <= MaxBlocksPerRule)
            {
                var block = FindingBlock.Build(flow, finding, rules.Find(finding.RuleId), styles);
                flow.Place(block, FindingBlock.Continuation(flow, finding, styles));
            }
            else if (count == MaxBlocksPerRule + 1)
            {
                flow.Place(Summary(flow, finding.RuleId, byRule[finding.RuleId].Skip(MaxBlocksPerRule).ToArray(), styles));
            }
        }
    }

    /// <summary>Rules with more results than get a block each, with how many were summarised, in findings order.</summary>
    public static IReadOnlyList<(string RuleId, int Summarised)> Summarised(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Order(report.Results)
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Where(g => g.Count() > MaxBlocksPerRule)
            .Select(g => (g.Key, g.Count() - MaxBlocksPerRule))
            .ToArray();
    }

    private static Block Summary(FlowLayout flow, string ruleId, ResultEntry[] rest, ReportStyles styles)
    {
        var block = new Block(flow.Left, flow.Width);
        block.Paragraph($"{ReportText.Safe(ruleId)}: {ReportText.Count(rest.Length)} more", styles.Label);
        var paths = string.Join(", ", rest.Take(PathsNamed).Select(r => ReportText.Safe(r.Artifact, 300)));
        block.Paragraph(
            $"and {ReportText.Count(rest.Length)} more artifacts with this finding, not printed one by one: first {paths}"
            + (rest.Length > PathsNamed ? ", …" : string.Empty)
            + ". The full list is in report.json and report.html.",
            styles.Body);
        block.Space(10);
        return block;
    }
}

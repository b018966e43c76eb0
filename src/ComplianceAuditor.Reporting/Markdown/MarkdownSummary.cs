using System.Globalization;
using ComplianceAuditor.Reporting.Model;
using static ComplianceAuditor.Reporting.Markdown.MarkdownText;

namespace ComplianceAuditor.Reporting.Markdown;

/// <summary>The top of the report: what was audited, the rating of every scheme, and the result counts.</summary>
internal static class MarkdownSummary
{
    /// <summary>Inputs named in the title; an audit of many targets says how many more rather than growing the heading.</summary>
    private const int TitleInputs = 5;

    /// <summary>Room for the ratings table: fourteen schemes take about 2,000 characters; a rule set with hundreds is cut.</summary>
    private const int RatingsShare = 8000;

    private const int ModelNotesShare = 1500;

    private static readonly string[] OutcomeOrder = ["pass", "fail", "notApplicable", "inconclusive", "error"];

    public static void Write(AuditReport report, MarkdownOutput output)
    {
        output.Line($"## {Cell(report.Tool.Name, 60)} {Cell(report.Tool.Version, 40)}: {Inputs(report.Inputs)}");
        output.Line();
        output.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"Generated {report.GeneratedAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC with rule set {ShortHash(report.Tool.RulesetSha256)}. Every result, artifact and provision is in report.json and report.html."));
        if (report.SecretsShown)
        {
            output.Line();
            output.Line("**This report shows passwords, keys and tokens as they are (--show-secrets): do not post it where others can read it.**");
        }

        output.Line();
        output.Line("### Ratings");
        output.Line();
        output.Rows(
            ["| Scheme | Rating | Grade or level | Score | Failed |", "|---|---|---|---:|---|"],
            report.Schemes,
            Rating,
            "schemes",
            reserve: output.ReserveBeyond(RatingsShare));
        var models = report.Schemes.Where(s => s.Kind == "model").ToArray();
        if (models.Length > 0)
        {
            output.Line();
            // The only place a reader of a pull request learns that a star count is not an official label.
            output.Rows(
                [],
                models,
                s => $"- _{Cell(s.ShortTitle, 80)} is ComplianceAuditor's own rating model, not an official scheme or label._",
                "rating model notes",
                reserve: output.ReserveBeyond(ModelNotesShare));
        }

        output.Line();
        output.Line("### Results");
        output.Line();
        output.Line($"- **By outcome:** {Counts(report.Summary.Outcomes, OutcomeOrder)}");
        output.Line($"- **Failures by severity** (waived ones left out): {Counts(report.Summary.FailuresBySeverity, ReportFindings.SeverityOrder)}");
        output.Line(string.Create(CultureInfo.InvariantCulture, $"- **Waived failures** (accepted by a waiver in force): {report.Summary.Waived}"));
    }

    private static string Inputs(IReadOnlyList<InputEntry> inputs)
    {
        var named = inputs.Take(TitleInputs).Select(i => $"{Cell(i.Name, 80)} ({Cell(i.Kind, 20)}, sha256 {ShortHash(i.Sha256)})");
        var text = string.Join(", ", named);
        return inputs.Count > TitleInputs
            ? string.Create(CultureInfo.InvariantCulture, $"{text} and {inputs.Count - TitleInputs} more")
            : text;
    }

    private static string Rating(SchemeEntry scheme)
    {
        var rating = scheme.Rating;
        var grade = rating switch
        {
            { Grade: { } g } => "grade " + Cell(g, 20),
            { Level: { } level, MaxLevel: { } max } => string.Create(CultureInfo.InvariantCulture, $"level {level} of {max}"),
            { Level: { } level } => string.Create(CultureInfo.InvariantCulture, $"level {level}"),
            _ => "",
        };
        var score = string.Create(CultureInfo.InvariantCulture, $"{rating.Score:0.#} %");
        return $"| {Cell(scheme.ShortTitle, 80)} | {Cell(rating.Label, 40)} | {grade} | {score} | {(rating.Failed ? "**failed**" : "")} |";
    }

    /// <summary>"427 pass, 45 fail, …": the known words in their usual order, then any other in ordinal order.</summary>
    private static string Counts(IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> order)
    {
        var keys = order.Where(counts.ContainsKey)
            .Concat(counts.Keys.Where(k => !order.Contains(k)).Order(StringComparer.Ordinal))
            .Take(10);
        var parts = keys.Select(k => string.Create(CultureInfo.InvariantCulture, $"{counts[k]} {Cell(Names.Display(k).ToLowerInvariant(), 40)}")).ToArray();
        return parts.Length == 0 ? "none" : string.Join(", ", parts);
    }
}

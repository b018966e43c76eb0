using System.Globalization;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Reporting;
using ComplianceAuditor.Reporting.Model;
using Spectre.Console;

namespace ComplianceAuditor.Cli.Audit;

/// <summary>The end-of-run summary: outcome counts, the worst findings, scheme ratings and the files written.</summary>
internal static class AuditSummary
{
    private const int MaxListed = 15;

    public static void Print(AuditReport report, IReadOnlyList<string> written, CliConsole console)
    {
        var outcomes = string.Join(", ", report.Summary.Outcomes.Select(o => $"{Names.Display(o.Key).ToLowerInvariant()} {o.Value}"));
        var failures = ReportFindings.Failures(report.Results);

        if (console.Rich)
        {
            PrintRich(report, failures, outcomes, console);
        }
        else
        {
            console.Line($"results: {outcomes}{Waived(report)}");
            foreach (var f in failures.Take(MaxListed))
            {
                // Artifact paths come from the firmware: a newline or escape in a file name must not forge log lines.
                console.Line($"{(f.Waiver?.Applied == true ? "WAIVED" : "FAIL")} {f.Severity,-8} {f.RuleId} {DisplayText.Sanitize(f.Artifact, 400)}: {DisplayText.Sanitize(f.Message, 400)}");
            }

            if (failures.Count > MaxListed)
            {
                console.Line(string.Create(CultureInfo.InvariantCulture, $"... and {failures.Count - MaxListed} more failure(s) in the reports"));
            }

            foreach (var s in report.Schemes)
            {
                console.Line($"rating {s.ShortTitle}: {Describe(s.Rating)}");
            }
        }

        if (report.Baseline is { } baseline)
        {
            console.Line(Compared(baseline));
        }

        foreach (var file in written)
        {
            console.Line($"wrote {file}");
        }
    }

    /// <summary>How the failures moved since the baseline (<c>--baseline</c>), in one line.</summary>
    private static string Compared(BaselineEntry baseline)
    {
        var skipped = baseline.Skipped > 0
            ? string.Create(CultureInfo.InvariantCulture, $"; {baseline.Skipped} not compared, their rule did not run")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"compared with baseline {DisplayText.Sanitize(baseline.Source, 200)}: {baseline.New} new, {baseline.Unchanged} unchanged, {baseline.Absent} absent failure(s){skipped}");
    }

    private static void PrintRich(AuditReport report, IReadOnlyList<ResultEntry> failures, string outcomes, CliConsole console)
    {
        console.Ansi.MarkupLine($"[bold]Results:[/] {Markup.Escape(outcomes + Waived(report))}");
        if (failures.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Failures");
            table.AddColumn("Severity").AddColumn("Waived").AddColumn("Rule").AddColumn("Artifact").AddColumn("Message");
            foreach (var f in failures.Take(MaxListed))
            {
                // Text, never Markup, for anything that came from the firmware: a '[' in a file name is not markup.
                table.AddRow(new Text(f.Severity), new Text(f.Waiver?.Applied == true ? "waived" : ""), new Text(f.RuleId), new Text(DisplayText.Sanitize(f.Artifact, 400)), new Text(DisplayText.Sanitize(f.Message, 400)));
            }

            console.Ansi.Write(table);
        }

        var ratings = new Table().Border(TableBorder.Rounded).Title("Ratings");
        ratings.AddColumn("Scheme").AddColumn("Rating").AddColumn("Score");
        foreach (var s in report.Schemes)
        {
            var colour = s.Rating.Failed ? "red" : s.Rating.Label is "PASS" || s.Rating.Level > 0 ? "green" : "yellow";
            ratings.AddRow(new Text(s.ShortTitle), new Markup($"[{colour}]{Markup.Escape(s.Rating.Label)}[/]"),
                new Text(Describe(s.Rating)));
        }

        console.Ansi.Write(ratings);
    }

    private static string Waived(AuditReport report) =>
        report.Summary.Waived > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({report.Summary.Waived} failure(s) waived)") : "";

    /// <summary>One line per rating: the label, and the grade or level with the score behind it.</summary>
    private static string Describe(RatingEntry rating)
    {
        var detail = rating.Grade is { } grade ? $"grade {grade}, " : rating.MaxLevel is { } max ? $"{rating.Level} of {max}, " : "";
        return string.Create(CultureInfo.InvariantCulture, $"{rating.Label} ({detail}{rating.Score} % of mandatory provisions passed)");
    }
}

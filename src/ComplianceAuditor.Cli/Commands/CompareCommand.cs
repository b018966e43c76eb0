using System.CommandLine;
using ComplianceAuditor.Cli.Compare;
using ComplianceAuditor.Comparison;
using ComplianceAuditor.Comparison.Reading;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Cli.Commands;

/// <summary>
/// <c>compare OLD NEW [--format text|json|md] [--fail-on-regression]</c>: what changed between two releases' reports,
/// for a manufacturer's CI gate and for a lab. OLD and NEW are report.json files or the folders audits wrote them into.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var oldReport = new Argument<string>("old") { Description = "The earlier release's report.json, or the folder holding it" };
        var newReport = new Argument<string>("new") { Description = "The later release's report.json, or the folder holding it" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output: text, json, or md (Markdown, for a pull-request comment)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "md");
        var failOnRegression = new Option<bool>("--fail-on-regression")
        {
            Description = "Exit with 1 when a scheme rating or a provision verdict got worse, or a failure appeared that no waiver covers",
        };

        var command = new Command("compare", "Compare the reports of two releases: scheme ratings, provision verdicts and findings")
        {
            oldReport, newReport, format, failOnRegression,
        };
        command.SetAction(parse => Run(
            console, parse.GetValue(oldReport)!, parse.GetValue(newReport)!, parse.GetValue(format)!, parse.GetValue(failOnRegression)));
        return command;
    }

    private static int Run(CliConsole console, string oldPath, string newPath, string format, bool failOnRegression)
    {
        var old = ReportReader.Read(oldPath);
        var @new = ReportReader.Read(newPath);
        if (!old.Succeeded || !@new.Succeeded)
        {
            // Both, when both are bad: fixing one only to be told about the other wastes a CI run.
            foreach (var load in new[] { old, @new }.Where(l => !l.Succeeded))
            {
                console.Fail("error: " + DisplayText.Sanitize(load.Error!, 600));
            }

            return ExitCodes.Usage;
        }

        var comparison = ReportComparer.Compare(old.Report, @new.Report);
        switch (format)
        {
            case "json":
                ComparisonJson.Write(comparison, console.Output);
                break;
            case "md":
                ComparisonMarkdown.Write(comparison, console.Output);
                break;
            default:
                ComparisonText.Write(comparison, console.Output);
                break;
        }

        // 1 is the code an audit uses for findings at --fail-on: here, the gate tripped.
        return failOnRegression && comparison.HasRegression ? ExitCodes.FindingsAtThreshold : ExitCodes.Ok;
    }
}

using System.CommandLine;
using System.Globalization;
using ComplianceAuditor.Cli.Audit;
using ComplianceAuditor.Core.Schemes;
using ComplianceAuditor.Reporting;
using Spectre.Console;

namespace ComplianceAuditor.Cli.Commands;

/// <summary><c>schemes list</c> and <c>schemes show ID</c>: the standards and rating schemes, provision by provision.</summary>
internal static class SchemesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("schemes", "List the standards and rating schemes, and show their provisions");
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var rules = CommonOptions.Rules();
        var command = new Command("list", "List every scheme with its kind, rating model and provision count") { rules };
        command.SetAction(parse => RuleSetProvider.With(parse.GetValue(rules) ?? [], console, set =>
        {
            var rows = set.Schemes.Select(s => new[]
            {
                s.Id, Names.Of(s.Kind), Names.Of(s.Rating.Model),
                s.Provisions.Count.ToString(CultureInfo.InvariantCulture),
                s.Provisions.Count(p => p.Status == ProvisionStatus.Mandatory).ToString(CultureInfo.InvariantCulture),
                s.ShortTitle,
            }).ToArray();
            Table(console, ["Id", "Kind", "Rating", "Provisions", "Mandatory", "Title"], rows);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The scheme id, for example etsi-en-303-645" };
        var rules = CommonOptions.Rules();
        var command = new Command("show", "Show a scheme's conditions, rating model and every provision with how it is assessed") { id, rules };
        command.SetAction(parse => RuleSetProvider.With(parse.GetValue(rules) ?? [], console, set =>
        {
            var wanted = parse.GetValue(id)!;
            if (set.FindScheme(wanted) is not { } scheme)
            {
                console.Fail($"error: no scheme with id '{wanted}' (see 'compliance-auditor schemes list')");
                return ExitCodes.Usage;
            }

            foreach (var line in SchemeDescription.Header(scheme))
            {
                console.Line(line);
            }

            var rows = scheme.Provisions.Select(p => new[]
            {
                p.Id, Names.Of(p.Status), string.Join(", ", p.Conditions), SchemeDescription.Assessment(p), p.Title,
            }).ToArray();
            Table(console, ["Id", "Status", "When", "Assessed by", "Provision"], rows);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Table(CliConsole console, string[] headers, string[][] rows)
    {
        if (console.Rich)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in headers)
            {
                table.AddColumn(header);
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(cell => new Text(cell)).ToArray());
            }

            console.Ansi.Write(table);
            return;
        }

        foreach (var row in rows)
        {
            console.Line(string.Join('\t', row));
        }
    }

}

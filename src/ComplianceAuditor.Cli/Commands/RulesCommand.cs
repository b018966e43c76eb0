using System.CommandLine;
using System.Globalization;
using ComplianceAuditor.Cli.Audit;
using ComplianceAuditor.Core.Rules;
using ComplianceAuditor.Reporting;
using Spectre.Console;

namespace ComplianceAuditor.Cli.Commands;

/// <summary><c>rules list</c>, <c>rules show ID</c>, <c>rules verify</c>.</summary>
internal static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("rules", "List, show and verify rules");
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Verify(console));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var rules = CommonOptions.Rules();
        var command = new Command("list", "List every rule with its severity, check kind and catalog ids") { rules };
        command.SetAction(parse => RuleSetProvider.With(parse.GetValue(rules) ?? [], console, set =>
        {
            if (console.Rich)
            {
                var table = new Table().Border(TableBorder.Rounded);
                table.AddColumn("Id").AddColumn("Severity").AddColumn("Check").AddColumn("Catalog").AddColumn("Title");
                foreach (var r in set.Rules)
                {
                    table.AddRow(new Text(r.Id), new Text(Names.Of(r.Severity)), new Text(r.Check.Kind), new Text(string.Join(", ", r.Catalog)), new Text(r.Title));
                }

                console.Ansi.Write(table);
            }
            else
            {
                foreach (var r in set.Rules)
                {
                    console.Line($"{r.Id}\t{Names.Of(r.Severity)}\t{r.Check.Kind}\t{string.Join(",", r.Catalog)}\t{r.Title}");
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The rule id, for example CMP2001" };
        var rules = CommonOptions.Rules();
        var command = new Command("show", "Show one rule in full") { id, rules };
        command.SetAction(parse => RuleSetProvider.With(parse.GetValue(rules) ?? [], console, set =>
        {
            var wanted = parse.GetValue(id)!;
            var rule = set.FindRule(wanted);
            if (rule is null)
            {
                console.Fail($"error: no rule with id '{wanted}' (see 'compliance-auditor rules list')");
                return ExitCodes.Usage;
            }

            foreach (var line in Describe(rule, set))
            {
                console.Line(line);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Verify(CliConsole console)
    {
        var rules = CommonOptions.Rules();
        var command = new Command("verify", "Validate every rule against the schema, check semantics and run the self-tests; exit 3 on any failure") { rules };
        command.SetAction(parse => RuleSetProvider.With(parse.GetValue(rules) ?? [], console, set =>
        {
            var selfTests = set.Rules.Sum(r => r.Tests.MustMatch.Count + r.Tests.MustNotMatch.Count);
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"rules verified: {set.Rules.Count} rule(s), {set.Schemes.Count} scheme(s), {set.Catalog.Count} catalog check(s), {selfTests} self-test sample(s) passed"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static IEnumerable<string> Describe(RuleDefinition rule, RuleSet set)
    {
        yield return $"{rule.Id}: {rule.Title}";
        yield return $"severity: {Names.Of(rule.Severity)}";
        yield return $"targets: {string.Join(", ", rule.Targets.Select(Names.Of))}";
        yield return $"check: {rule.Check}";
        yield return $"catalog: {string.Join(", ", rule.Catalog)}";
        yield return $"provisions: {string.Join(", ", ReportBuilder.ProvisionsOf(rule, set))}";
        yield return $"source: {rule.Source.DisplayPath}";
        yield return "";
        yield return "Why it matters:";
        yield return rule.Rationale;
        yield return "";
        yield return "What to do:";
        yield return rule.Remediation;
        foreach (var r in rule.References)
        {
            yield return $"- {r.Title}{(r.Url is null ? "" : " <" + r.Url + ">")}";
        }
    }
}

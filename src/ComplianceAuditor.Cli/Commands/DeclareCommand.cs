using System.CommandLine;
using ComplianceAuditor.Cli.Audit;
using ComplianceAuditor.Rules.UserFiles;

namespace ComplianceAuditor.Cli.Commands;

/// <summary><c>declare --init [--scheme ID] [--out FILE]</c>: the commented declaration template for the chosen schemes.</summary>
internal static class DeclareCommand
{
    public static Command Create(CliConsole console)
    {
        var init = new Option<bool>("--init") { Description = "Write a commented declaration template to fill in" };
        var schemes = new Option<string[]>("--scheme")
        {
            Description = "The schemes to ask about (repeatable or comma-separated; default all; see 'schemes list')",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--out", "-o") { Description = "The file to write (default: print the template)" };
        var force = new Option<bool>("--force") { Description = "Replace the file when it exists" };
        var rules = CommonOptions.Rules();
        var command = new Command("declare", "Write the manufacturer's declaration template: device facts and the questions only a declaration can answer")
        {
            init, schemes, output, force, rules,
        };
        command.SetAction(parse =>
        {
            if (!parse.GetValue(init))
            {
                console.Fail("error: nothing to do; use 'declare --init' to write a template");
                return ExitCodes.Usage;
            }

            return RuleSetProvider.With(parse.GetValue(rules) ?? [], console, set =>
            {
                var settings = new AuditSettings { Targets = [], OutputDirectory = ".", Formats = [], Schemes = AuditCommand.SplitList(parse.GetValue(schemes)) };
                if (SchemeSelection.Check(settings, set) is { } problem)
                {
                    console.Fail($"error: {problem}");
                    return ExitCodes.Usage;
                }

                var template = DeclarationTemplate.Write(set, SchemeSelection.Selected(settings, set), ToolIdentity.Version);
                return parse.GetValue(output) is { } path ? Save(path, template, parse.GetValue(force), console) : Print(template, console);
            });
        });
        return command;
    }

    private static int Print(string template, CliConsole console)
    {
        console.Output.Write(template);
        return ExitCodes.Ok;
    }

    /// <summary>Never replaces a declaration someone may have filled in, unless told to.</summary>
    private static int Save(string path, string template, bool force, CliConsole console)
    {
        try
        {
            using var stream = new FileStream(path, force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(template);
        }
        catch (IOException) when (!force && File.Exists(path))
        {
            console.Fail($"error: '{path}' exists; choose another file or add --force to replace it");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            console.Fail($"error: '{path}' is not a file name that can be written: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"error: cannot write '{path}': {Core.Text.IoErrors.Describe(e)}");
            return ExitCodes.AuditFailed;
        }

        console.Line($"wrote {path}");
        return ExitCodes.Ok;
    }
}

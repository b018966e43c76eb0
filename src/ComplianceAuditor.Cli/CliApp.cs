using System.CommandLine;
using ComplianceAuditor.Cli.Commands;

namespace ComplianceAuditor.Cli;

/// <summary>Builds the command tree and runs it. Usage errors exit with 2, as documented (not the library's default 1).</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, TimeProvider clock, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("ComplianceAuditor: how secure is a device's firmware and its update mechanism, against which standards, with evidence.")
        {
            AuditCommand.Create(console, clock, environment),
            RulesCommand.Create(console),
            SchemesCommand.Create(console),
            DeclareCommand.Create(console),
            UnpackCommand.Create(console),
            CompareCommand.Create(console),
        };

        var parse = root.Parse(args);
        // Our own handler below: the library's would print a stack trace and exit 1, which means "findings".
        var configuration = new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Fail($"error: {error.Message}");
            }

            console.Fail("Run 'compliance-auditor --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            console.Fail("cancelled");
            return ExitCodes.AuditFailed;
        }
#pragma warning disable CA1031 // Any failure of the audit itself is reported in one line with its exit code, never as a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Fail($"error: the audit failed: {e.GetType().Name}: {Core.Text.DisplayText.Sanitize(e.Message)}");
            return ExitCodes.AuditFailed;
        }
    }
}

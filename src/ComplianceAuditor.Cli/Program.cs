using ComplianceAuditor.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C asks the audit to stop cleanly (temporary files are removed); a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await CliApp.RunAsync(args, CliConsole.ForProcess(), TimeProvider.System, Environment.GetEnvironmentVariable, cancellation.Token);

using System.Runtime.InteropServices;
using ComplianceAuditor.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C asks the audit to stop cleanly (temporary files are removed); a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// A CI runner or a container stop sends SIGTERM (a closing terminal SIGHUP): stop cleanly as for Ctrl+C, so extracted
// firmware does not stay behind in the output folder. A second signal is left to its default action.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOnce);
using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, StopOnce);

return await CliApp.RunAsync(args, CliConsole.ForProcess(), TimeProvider.System, Environment.GetEnvironmentVariable, cancellation.Token);

void StopOnce(PosixSignalContext context)
{
    context.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
}

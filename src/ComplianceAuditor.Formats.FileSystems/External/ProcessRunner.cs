using System.Diagnostics;
using System.Text;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.External;

/// <summary>How an external program ended: its exit code and the last part of what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutputTail, string StandardErrorTail);

/// <summary>
/// Runs a program with an argument list (never through a shell), no input, its output captured but only the tail
/// kept, and a wall-time limit: when the limit passes or the audit is cancelled, the program and every process it
/// started are killed.
/// </summary>
internal static class ProcessRunner
{
    private const int TailChars = 4096;

    // After the kill, pipes close once every process holding them is gone; a process that escaped the kill (a
    // daemon in its own session) must not hold the audit, so the readers are waited for only this long.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    public static ProcessResult Run(
        string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new UnpackException(Invariant.Text($"{Path.GetFileName(program)} could not be started: {ex.Message}"), ex);
        }

        process.StandardInput.Close();
        var output = Drain(process.StandardOutput);
        var error = Drain(process.StandardError);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw Invariant.Malformed($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0.###} s and was stopped");
        }

        Task.WaitAll([output, error], DrainTimeout);
        return new ProcessResult(process.ExitCode, Finished(output), Finished(error));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(DrainTimeout);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the time-out and the kill.
        }
    }

    private static async Task<string> Drain(StreamReader reader)
    {
        var tail = new StringBuilder();
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            tail.Append(buffer, 0, n);
            if (tail.Length > 2 * TailChars)
            {
                tail.Remove(0, tail.Length - TailChars);
            }
        }

        return tail.Length > TailChars ? tail.ToString(tail.Length - TailChars, TailChars) : tail.ToString();
    }

    private static string Finished(Task<string> drained) => drained.IsCompletedSuccessfully ? drained.Result.Trim() : string.Empty;
}

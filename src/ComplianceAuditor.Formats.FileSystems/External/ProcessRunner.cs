using System.Diagnostics;
using System.Text;
using ComplianceAuditor.Formats.FileSystems.Common;
using ComplianceAuditor.Unpacking;

namespace ComplianceAuditor.Formats.FileSystems.External;

/// <summary>How an external program ended: its exit code and the last part of what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutputTail, string StandardErrorTail);

/// <summary>
/// Runs a program with an argument list (never through a shell), no input, its output captured but only the tail
/// kept, a wall-time limit and an optional watch: when the limit passes, the audit is cancelled or the watch objects,
/// the program and every process it started are killed.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>How often a watch is asked whether the program may go on.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(200);

    private const int TailChars = 4096;

    // After the kill, pipes close once every process holding them is gone; a process that escaped the kill (a
    // daemon in its own session) must not hold the audit, so the readers are waited for only this long.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <param name="watch">
    /// Called about every <see cref="WatchInterval"/> while the program runs; a non-null answer says why the program must
    /// stop ("wrote more than ...") and ends the run with an <see cref="UnpackException"/>.
    /// </param>
    public static ProcessResult Run(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        Func<string?>? watch = null)
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

        var exited = false;
        try
        {
            process.StandardInput.Close();
            var output = Drain(process.StandardOutput);
            var error = Drain(process.StandardError);
            Supervise(process, Path.GetFileName(program), timeout, watch, cancellationToken);
            exited = true;
            Task.WaitAll([output, error], DrainTimeout);
            return new ProcessResult(process.ExitCode, Finished(output), Finished(error));
        }
        finally
        {
            // Whatever ended the wait (time, cancellation, the watch, or a fault in the watch itself), the program
            // must not outlive it and go on writing.
            if (!exited)
            {
                Kill(process);
            }
        }
    }

    /// <summary>Waits for the program to exit; throws when the time runs out, the audit is cancelled or the watch objects.</summary>
    private static void Supervise(Process process, string name, TimeSpan timeout, Func<string?>? watch, CancellationToken cancellationToken)
    {
        var finished = process.WaitForExitAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var interval = WatchInterval;
        while (true)
        {
            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw Invariant.Malformed($"{name} did not finish within {timeout.TotalSeconds:0.###} s and was stopped");
            }

            // Throws OperationCanceledException as soon as the audit is cancelled, without waiting for the interval.
            var wait = (int)Math.Ceiling((remaining < interval ? remaining : interval).TotalMilliseconds);
            if (Task.WaitAny([finished], wait, cancellationToken) == 0)
            {
                return;
            }

            if (watch is null)
            {
                continue;
            }

            var checkStarted = clock.Elapsed;
            if (watch() is { } reason)
            {
                throw Invariant.Malformed($"{name} {reason}; it was stopped");
            }

            // A program that writes a very large tree makes each check slow: spacing the checks by at least their own
            // duration keeps the watching to half a core at most.
            var checkTook = clock.Elapsed - checkStarted;
            interval = checkTook > WatchInterval ? checkTook : WatchInterval;
        }
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
            // It exited on its own between the decision to stop it and the kill.
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

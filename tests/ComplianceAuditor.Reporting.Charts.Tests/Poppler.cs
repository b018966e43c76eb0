using System.ComponentModel;
using System.Diagnostics;

namespace ComplianceAuditor.Reporting.Charts.Tests;

/// <summary>
/// Runs poppler-utils. A missing tool fails the test with the fix rather than skipping it: a skipped PDF check would
/// let charts without extractable text through CI unnoticed.
/// </summary>
internal static class Poppler
{
    public static string Text(string pdf) => Run("pdftotext", "-enc", "UTF-8", pdf, "-");

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{tool}' is not on PATH. Install poppler-utils (apt-get install poppler-utils).", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? stdout
                : throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}");
        }
    }
}

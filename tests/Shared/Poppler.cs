using System.ComponentModel;
using System.Diagnostics;

namespace ComplianceAuditor.Tests.Shared;

/// <summary>
/// Runs poppler-utils for the PDF and chart tests. A missing tool fails the test with the fix rather than skipping it: a
/// skipped PDF test would let a broken PDF, or charts without extractable text, through CI unnoticed.
/// </summary>
internal static class Poppler
{
    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
            throw new InvalidOperationException(
                $"'{tool}' is not on PATH. These tests inspect the PDF with poppler-utils: apt-get install poppler-utils", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}");
            }

            return stdout;
        }
    }

    public static string Text(string pdf) => Run("pdftotext", "-enc", "UTF-8", pdf, "-");

    public static string PageText(string pdf, int page) =>
        Run("pdftotext", "-layout", "-enc", "UTF-8", "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, "-");

    public static int PageCount(string pdf)
    {
        var line = Run("pdfinfo", pdf).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

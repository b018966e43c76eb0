using System.ComponentModel;
using System.Diagnostics;

namespace ComplianceAuditor.Elf.Tests.Readelf;

/// <summary>
/// Runs GNU readelf. A missing readelf fails the test with the fix (it never skips): the differential test is the
/// proof that the reader matches readelf, and a silently skipped proof proves nothing.
/// </summary>
internal static class ReadelfTool
{
    public const string Options = "-hlSdnsW";

    private static readonly Lazy<string?> Located = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "readelf"))
            .FirstOrDefault(File.Exists));

    public static string Executable => Located.Value ?? throw new InvalidOperationException(
        "readelf is not on PATH. The differential test compares the ELF reader with GNU readelf on every binary of the "
        + "machine; install it with: apt-get install binutils-multiarch (it reads every architecture)");

    public static string Version()
    {
        var (lines, _, _) = Run("--version");
        return lines.FirstOrDefault() ?? "";
    }

    /// <summary>Runs <c>readelf -hlSdnsW</c> on <paramref name="file"/>, parsing stdout as it streams (symbol rows are not kept).</summary>
    public static ReadelfReport Report(string file)
    {
        var report = new ReadelfReport();
        var (_, errors, exitCode) = Run(Options, file, report.Add);
        report.Errors = errors;
        report.ExitCode = exitCode;
        return report;
    }

    private static (List<string> Lines, string Errors, int ExitCode) Run(string option, string? file = null, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["LC_ALL"] = "C";
        start.ArgumentList.Add(option);
        if (file is not null)
        {
            start.ArgumentList.Add(file);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("readelf did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"readelf could not be started ({e.Message}); install it with: apt-get install binutils-multiarch", e);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var lines = new List<string>();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                if (onLine is null)
                {
                    lines.Add(line);
                }
                else
                {
                    onLine(line);
                }
            }

            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill();
                throw new TimeoutException($"readelf {option} {file} did not finish in 2 minutes");
            }

            return (lines, errors.Result, process.ExitCode);
        }
    }
}

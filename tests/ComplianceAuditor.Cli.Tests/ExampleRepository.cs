using System.Diagnostics;
using ComplianceAuditor.Tests.Shared;

namespace ComplianceAuditor.Cli.Tests;

/// <summary>
/// The example repository, built once per test run by <c>examples/make-device-repo.sh</c> (the same commit ids on every
/// machine) into a temporary folder that is removed when the run ends.
/// </summary>
internal static class ExampleRepository
{
    private static readonly Lazy<string> Built = new(Build);

    /// <summary>The worktree of <c>examplecam-repo</c>.</summary>
    public static string Path => Built.Value;

    private static string Build()
    {
        var parent = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ca-example-repo-{Environment.ProcessId}");
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(parent);
        var script = System.IO.Path.Combine(RepositoryPaths.Examples, "make-device-repo.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, parent]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-device-repo.sh failed ({process.ExitCode}): {error}{output.Result}");
        }

        return System.IO.Path.Combine(parent, "examplecam-repo");
    }

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not worth failing the run for.
        }
    }
}

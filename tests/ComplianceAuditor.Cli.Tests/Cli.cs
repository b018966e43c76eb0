namespace ComplianceAuditor.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, a fixed clock and a controlled environment.</summary>
internal static class Cli
{
    /// <summary>2026-01-01T00:00:00Z, the time the committed sample reports carry.</summary>
    public const string SampleEpoch = "1767225600";

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = SampleEpoch };
        var exit = await CliApp.RunAsync(args, new CliConsole(output, error, rich: false), TimeProvider.System, name => environment.GetValueOrDefault(name), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}

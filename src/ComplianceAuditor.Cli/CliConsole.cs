using Spectre.Console;

namespace ComplianceAuditor.Cli;

/// <summary>
/// Where the CLI writes: rich output on an interactive terminal, plain lines when output is redirected, when
/// <c>CI</c> is set or when <c>NO_COLOR</c> is set (Spectre's progress display prints nothing when redirected, so
/// plain mode is not optional).
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool rich)
    {
        Output = output;
        Error = error;
        Rich = rich;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = rich ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = rich ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = rich ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True for a person at a terminal: progress bars and colours.</summary>
    public bool Rich { get; }

    public IAnsiConsole Ansi { get; }

    public static CliConsole ForProcess()
    {
        var plain = Console.IsOutputRedirected
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new CliConsole(Console.Out, Console.Error, rich: !plain);
    }

    public void Line(string text) => Output.WriteLine(text);

    public void Fail(string text) => Error.WriteLine(text);
}

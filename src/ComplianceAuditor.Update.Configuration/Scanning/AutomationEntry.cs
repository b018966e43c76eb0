using ComplianceAuditor.Update.Configuration.Parsing;

namespace ComplianceAuditor.Update.Configuration.Scanning;

/// <summary>One command the system runs by itself, where it is written, and the unit or file that runs it.</summary>
internal sealed record AutomationEntry(AutomationKind Kind, string Name, string Command, FileLocation Location)
{
    /// <summary>True for timers and cron: they run again and again, which is what an automatic update check is.</summary>
    public bool IsPeriodic => Kind is AutomationKind.Timer or AutomationKind.Cron;

    /// <summary>Whether the command runs <paramref name="program"/> with every one of <paramref name="words"/> among its arguments.</summary>
    public bool Runs(string program, params string[] words)
    {
        var split = ShellWords.Split(Command);
        return split.Any(w => ShellWords.IsProgram(w, program)) && words.All(word => split.Contains(word, StringComparer.Ordinal));
    }

    /// <summary>Whether the unit or file name contains <paramref name="fragment"/> (case-insensitive).</summary>
    public bool NameContains(string fragment) => Name.Contains(fragment, StringComparison.OrdinalIgnoreCase);

    public string Describe() => $"{Kind.ToString().ToLowerInvariant()} {Name} ({Location}): {Shorten(Command)}";

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "..." : text.Trim();
}

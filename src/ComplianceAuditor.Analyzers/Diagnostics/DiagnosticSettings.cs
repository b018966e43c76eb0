namespace ComplianceAuditor.Analyzers.Diagnostics;

/// <summary>
/// The .NET runtime settings that open its diagnostic IPC channel (EventPipe, dumps, profiler attach) and debugger
/// interface. Set from code they reach the processes the code starts, and the current one where it reads them late.
/// </summary>
internal static class DiagnosticSettings
{
    private static readonly ImmutableHashSet<string> Switches = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "EnableDiagnostics", "EnableDiagnostics_IPC", "EnableDiagnostics_Debugger", "EnableDiagnostics_Profiler");

    /// <summary>What setting <paramref name="name"/> to the value enables, or null.</summary>
    /// <param name="valueIsConstant">Whether the value is known at compile time; an unknown port address still opens a port.</param>
    public static string? Enabled(string? name, bool valueIsConstant, string? value)
    {
        var setting = Setting(name);
        if (setting is null)
        {
            return null;
        }

        if (Switches.Contains(setting))
        {
            return valueIsConstant && value?.Trim() == "1" ? "the .NET runtime's diagnostic and debugger interfaces (" + name + ")" : null;
        }

        return string.Equals(setting, "DiagnosticPorts", StringComparison.OrdinalIgnoreCase) && (!valueIsConstant || !string.IsNullOrWhiteSpace(value))
            ? "a .NET diagnostic port (" + name + ")"
            : null;
    }

    /// <summary>The setting a DOTNET_ or COMPlus_ variable names, without the prefix.</summary>
    private static string? Setting(string? name)
    {
        foreach (var prefix in new[] { "DOTNET_", "COMPlus_" })
        {
            if (name is not null && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return name.Substring(prefix.Length);
            }
        }

        return null;
    }
}

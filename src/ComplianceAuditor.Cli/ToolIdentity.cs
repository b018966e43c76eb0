using System.Reflection;

namespace ComplianceAuditor.Cli;

/// <summary>The tool's name and version as reports state them.</summary>
internal static class ToolIdentity
{
    public const string Name = "ComplianceAuditor";

    public static string Version { get; } =
        typeof(ToolIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}

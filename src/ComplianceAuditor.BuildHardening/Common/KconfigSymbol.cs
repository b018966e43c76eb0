namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>One assignment of a Kconfig-style file; "n" stands for both <c>=n</c> and <c># X is not set</c>.</summary>
/// <param name="Name">The full symbol name as written, prefix included (<c>BR2_SSP_NONE</c>, <c>CONFIG_SHELL</c>).</param>
/// <param name="Value">The value with quotes removed.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record KconfigSymbol(string Name, string Value, int Line)
{
    public bool Enabled => Value is "y" or "m";

    public bool Disabled => Value == "n";

    /// <summary>"NAME=value" for a reason text.</summary>
    public string Written => Value == "n" ? $"# {Name} is not set" : $"{Name}={Value}";
}

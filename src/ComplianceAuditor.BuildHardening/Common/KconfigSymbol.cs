namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>One assignment of a Kconfig-style file; "n" stands for both <c>=n</c> and <c># X is not set</c>.</summary>
/// <param name="Name">The full symbol name as written, prefix included (<c>BR2_SSP_NONE</c>, <c>CONFIG_SHELL</c>, <c>SB_CONFIG_BOOT_SIGNATURE_TYPE_NONE</c>).</param>
/// <param name="Value">The value with quotes and escapes removed.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record KconfigSymbol(string Name, string Value, int Line)
{
    /// <summary>The prefix the file was read with that this name starts with (<c>CONFIG_</c>), or empty.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>The name without <see cref="Prefix"/>: <c>SHELL</c> for both <c>CONFIG_SHELL</c> and <c>SB_CONFIG_SHELL</c>.</summary>
    public string BareName => Name[Prefix.Length..];

    /// <summary>True for <c>y</c> and <c>m</c>.</summary>
    public bool Enabled => Value is "y" or "m";

    /// <summary>True only for an explicit <c>=n</c> or "is not set": a symbol a fragment does not mention is not disabled.</summary>
    public bool Disabled => Value == "n";

    /// <summary>"NAME=value" for a reason text.</summary>
    public string Written => Value == "n" ? $"# {Name} is not set" : $"{Name}={Value}";
}

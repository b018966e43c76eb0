using ComplianceAuditor.BuildHardening.Common;

namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>
/// A Kconfig <c>.config</c> (OpenWrt, Zephyr/MCUboot, U-Boot, ESP-IDF <c>sdkconfig</c>) as the update readers look at
/// it: symbols by their name without <c>CONFIG_</c>, so a Zephyr sysbuild <c>SB_CONFIG_</c> file reads the same way,
/// the last assignment of a name winning as in Kconfig. The parsing itself is <see cref="KconfigSymbols"/> of
/// ComplianceAuditor.BuildHardening, the one Kconfig reader of the code base; this adds the update readers' terms.
/// </summary>
internal sealed class KconfigFile
{
    private static readonly string[] Prefixes = ["SB_CONFIG_", "CONFIG_"];

    private readonly Dictionary<string, KconfigSymbol> symbols;

    private KconfigFile(string source, Dictionary<string, KconfigSymbol> symbols)
    {
        Source = source;
        this.symbols = symbols;
    }

    public string Source { get; }

    public int Count => symbols.Count;

    /// <summary>Every symbol, in line order.</summary>
    public IEnumerable<KconfigSymbol> Symbols => symbols.Values.OrderBy(v => v.Line);

    /// <summary>The file's symbols, or null when no line of it is a Kconfig assignment.</summary>
    public static KconfigFile? Read(string text, string source)
    {
        var parsed = KconfigSymbols.Read(text, Prefixes);
        var symbols = new Dictionary<string, KconfigSymbol>(StringComparer.Ordinal);
        foreach (var symbol in parsed.All)
        {
            // In line order, so CONFIG_X and a later SB_CONFIG_X leave the later one, as Kconfig merging would.
            symbols[symbol.BareName] = symbol;
        }

        return symbols.Count == 0 ? null : new KconfigFile(source, symbols);
    }

    /// <summary>The symbol (name without <c>CONFIG_</c>), or null when the file does not mention it.</summary>
    public KconfigSymbol? Get(string name) => symbols.GetValueOrDefault(name);

    public bool IsEnabled(string name) => Get(name)?.Enabled == true;

    /// <summary>True only for an explicit "is not set" or <c>=n</c>: absence is not the same as off in a fragment.</summary>
    public bool IsDisabled(string name) => Get(name)?.Disabled == true;

    /// <summary>The first enabled symbol among <paramref name="names"/>, or null.</summary>
    public KconfigSymbol? FirstEnabled(params string[] names) =>
        names.Select(Get).FirstOrDefault(v => v is { Enabled: true });

    public FileLocation Where(KconfigSymbol value) => new(Source, value.Line);

    /// <summary>"CONFIG_X=y (sdkconfig:12)" for a reason text.</summary>
    public string Describe(KconfigSymbol value) => $"CONFIG_{value.BareName}={value.Value} ({Where(value)})";
}

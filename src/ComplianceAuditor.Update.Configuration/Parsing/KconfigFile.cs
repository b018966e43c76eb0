namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>
/// A Kconfig <c>.config</c> (OpenWrt, Zephyr/MCUboot, U-Boot, ESP-IDF <c>sdkconfig</c>): <c>CONFIG_X=value</c> and
/// <c># CONFIG_X is not set</c> lines, the last assignment of a symbol winning as in Kconfig. Symbols are looked
/// up without their prefix, so a Zephyr sysbuild <c>SB_CONFIG_</c> file reads the same way.
/// </summary>
internal sealed class KconfigFile
{
    private readonly Dictionary<string, KconfigValue> symbols;

    private KconfigFile(string source, Dictionary<string, KconfigValue> symbols)
    {
        Source = source;
        this.symbols = symbols;
    }

    public string Source { get; }

    public int Count => symbols.Count;

    /// <summary>Every symbol, in line order.</summary>
    public IEnumerable<KconfigValue> Symbols => symbols.Values.OrderBy(v => v.Line);

    /// <summary>The file's symbols, or null when no line of it is a Kconfig assignment.</summary>
    public static KconfigFile? Read(string text, string source)
    {
        var file = TextFile.FromText(source, text ?? string.Empty);
        var symbols = new Dictionary<string, KconfigValue>(StringComparer.Ordinal);
        for (var i = 0; i < file.Lines.Count; i++)
        {
            if (Parse(file.Lines[i].Trim(), i + 1) is { } value)
            {
                symbols[value.Name] = value;
            }
        }

        return symbols.Count == 0 ? null : new KconfigFile(source, symbols);
    }

    /// <summary>The symbol (name without <c>CONFIG_</c>), or null when the file does not mention it.</summary>
    public KconfigValue? Get(string name) => symbols.GetValueOrDefault(name);

    public bool IsEnabled(string name) => Get(name)?.Enabled == true;

    /// <summary>True only for an explicit "is not set" or <c>=n</c>: absence is not the same as off in a fragment.</summary>
    public bool IsDisabled(string name) => Get(name) is { Value: "n" };

    /// <summary>The first enabled symbol among <paramref name="names"/>, or null.</summary>
    public KconfigValue? FirstEnabled(params string[] names) =>
        names.Select(Get).FirstOrDefault(v => v is { Enabled: true });

    public FileLocation Where(KconfigValue value) => new(Source, value.Line);

    /// <summary>"CONFIG_X=y (sdkconfig:12)" for a reason text.</summary>
    public string Describe(KconfigValue value) => $"CONFIG_{value.Name}={value.Value} ({Where(value)})";

    private static KconfigValue? Parse(string line, int number)
    {
        if (line.StartsWith('#'))
        {
            const string NotSet = " is not set";
            var body = line.TrimStart('#').Trim();
            return body.EndsWith(NotSet, StringComparison.Ordinal) && StripPrefix(body[..^NotSet.Length]) is { } off
                ? new KconfigValue(off, "n", number)
                : null;
        }

        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || StripPrefix(line[..equals]) is not { } name)
        {
            return null;
        }

        var value = line[(equals + 1)..].Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
        }

        return new KconfigValue(name, value, number);
    }

    private static string? StripPrefix(string name)
    {
        name = name.Trim();
        foreach (var prefix in (string[])["SB_CONFIG_", "CONFIG_"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length && IsSymbol(name))
            {
                return name[prefix.Length..];
            }
        }

        return null;
    }

    private static bool IsSymbol(string name) => name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

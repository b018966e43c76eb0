using System.Text;

namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>
/// The symbols of a Kconfig <c>.config</c>, defconfig, <c>sdkconfig</c> or fragment whose names start with one of the
/// given prefixes (<c>BR2_</c> for Buildroot, <c>CONFIG_</c> and <c>SB_CONFIG_</c> for Zephyr, MCUboot, U-Boot, ESP-IDF
/// and OpenWrt). The last assignment of a symbol wins, as when Kconfig merges fragments. The one Kconfig reader of
/// the code base: the update-configuration readers use it too.
/// </summary>
/// <remarks>
/// The text is bounded first (see <see cref="BoundedText"/>), so a hostile file costs at most a fixed amount of work.
/// Values: a quoted value has its backslash escapes undone and ends at its closing quote; an unquoted value ends at
/// a <c>#</c>, since hand-written fragments put comments after values.
/// </remarks>
public sealed class KconfigSymbols
{
    private readonly Dictionary<string, KconfigSymbol> symbols;
    private readonly string[] prefixes;

    private KconfigSymbols(Dictionary<string, KconfigSymbol> symbols, string[] prefixes, bool truncated)
    {
        this.symbols = symbols;
        this.prefixes = prefixes;
        Truncated = truncated;
    }

    /// <summary>How many distinct symbols were read.</summary>
    public int Count => symbols.Count;

    /// <summary>True when the text was larger than the bounds and only its start was read.</summary>
    public bool Truncated { get; }

    /// <summary>Every symbol, in line order.</summary>
    public IEnumerable<KconfigSymbol> All => symbols.Values.OrderBy(s => s.Line);

    /// <summary>Reads the assignments of symbols that start with one of <paramref name="prefixes"/> (tried in order).</summary>
    public static KconfigSymbols Read(string? text, params string[] prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var bounded = BoundedText.From(text);
        var found = new Dictionary<string, KconfigSymbol>(StringComparer.Ordinal);
        for (var i = 0; i < bounded.Lines.Count; i++)
        {
            if (Parse(bounded.Lines[i].AsSpan().Trim(), i + 1, prefixes) is { } symbol)
            {
                found[symbol.Name] = symbol;
            }
        }

        return new KconfigSymbols(found, prefixes, bounded.Truncated);
    }

    /// <summary>The symbol with this full name (prefix included), or null when the file does not mention it.</summary>
    public KconfigSymbol? Get(string name) => symbols.GetValueOrDefault(name);

    /// <summary>
    /// The symbol with this name after any of the prefixes the file was read with (<c>SHELL</c> finds <c>CONFIG_SHELL</c>
    /// or <c>SB_CONFIG_SHELL</c>); when several are written, the one on the latest line.
    /// </summary>
    public KconfigSymbol? Find(string bareName)
    {
        KconfigSymbol? latest = null;
        foreach (var prefix in prefixes)
        {
            if (symbols.GetValueOrDefault(prefix + bareName) is { } symbol && (latest is null || symbol.Line > latest.Line))
            {
                latest = symbol;
            }
        }

        return latest;
    }

    /// <summary>True when the symbol with this full name is <c>y</c> or <c>m</c>.</summary>
    public bool IsEnabled(string name) => Get(name)?.Enabled == true;

    private static KconfigSymbol? Parse(ReadOnlySpan<char> line, int number, string[] prefixes)
    {
        if (line.StartsWith("#"))
        {
            // "# BR2_X is not set" is how savedefconfig and .config record a boolean turned off.
            var body = line.TrimStart('#').Trim();
            const string NotSet = " is not set";
            return body.EndsWith(NotSet, StringComparison.Ordinal) && PrefixOf(body[..^NotSet.Length], prefixes) is { } offPrefix
                ? new KconfigSymbol(body[..^NotSet.Length].ToString(), "n", number) { Prefix = offPrefix }
                : null;
        }

        var equals = line.IndexOf('=');
        if (equals <= 0 || PrefixOf(line[..equals].TrimEnd(), prefixes) is not { } prefix)
        {
            return null;
        }

        return new KconfigSymbol(line[..equals].TrimEnd().ToString(), Value(line[(equals + 1)..].Trim()), number) { Prefix = prefix };
    }

    private static string Value(ReadOnlySpan<char> raw)
    {
        if (raw.Length >= 1 && raw[0] == '"')
        {
            // A quoted string: backslash escapes the next character; anything after the closing quote is ignored.
            var builder = new StringBuilder();
            for (var i = 1; i < raw.Length; i++)
            {
                if (raw[i] == '\\' && i + 1 < raw.Length)
                {
                    builder.Append(raw[++i]);
                }
                else if (raw[i] == '"')
                {
                    break;
                }
                else
                {
                    builder.Append(raw[i]);
                }
            }

            return builder.ToString();
        }

        // Fragments sometimes carry a trailing comment after an unquoted value.
        var hash = raw.IndexOf('#');
        return (hash >= 0 ? raw[..hash] : raw).Trim().ToString();
    }

    /// <summary>The prefix <paramref name="name"/> starts with when it is a well-formed symbol name, else null.</summary>
    private static string? PrefixOf(ReadOnlySpan<char> name, string[] prefixes)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return null;
            }
        }

        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                return prefix;
            }
        }

        return null;
    }
}

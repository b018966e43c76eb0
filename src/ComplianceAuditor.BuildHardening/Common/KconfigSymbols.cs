namespace ComplianceAuditor.BuildHardening.Common;

/// <summary>
/// The symbols of a Kconfig <c>.config</c>, defconfig or fragment whose names start with one of the given prefixes;
/// the last assignment of a symbol wins, as when Kconfig merges fragments.
/// </summary>
internal sealed class KconfigSymbols
{
    private readonly Dictionary<string, KconfigSymbol> symbols;

    private KconfigSymbols(Dictionary<string, KconfigSymbol> symbols, bool truncated)
    {
        this.symbols = symbols;
        Truncated = truncated;
    }

    public int Count => symbols.Count;

    public bool Truncated { get; }

    /// <summary>Every symbol, in line order.</summary>
    public IEnumerable<KconfigSymbol> All => symbols.Values.OrderBy(s => s.Line);

    public static KconfigSymbols Read(string? text, params string[] prefixes)
    {
        var bounded = BoundedText.From(text);
        var found = new Dictionary<string, KconfigSymbol>(StringComparer.Ordinal);
        for (var i = 0; i < bounded.Lines.Count; i++)
        {
            if (Parse(bounded.Lines[i].AsSpan().Trim(), i + 1, prefixes) is { } symbol)
            {
                found[symbol.Name] = symbol;
            }
        }

        return new KconfigSymbols(found, bounded.Truncated);
    }

    public KconfigSymbol? Get(string name) => symbols.GetValueOrDefault(name);

    public bool IsEnabled(string name) => Get(name)?.Enabled == true;

    private static KconfigSymbol? Parse(ReadOnlySpan<char> line, int number, string[] prefixes)
    {
        if (line.StartsWith("#"))
        {
            // "# BR2_X is not set" is how savedefconfig and .config record a boolean turned off.
            var body = line.TrimStart('#').Trim();
            const string NotSet = " is not set";
            return body.EndsWith(NotSet, StringComparison.Ordinal) && IsName(body[..^NotSet.Length], prefixes)
                ? new KconfigSymbol(body[..^NotSet.Length].ToString(), "n", number)
                : null;
        }

        var equals = line.IndexOf('=');
        if (equals <= 0 || !IsName(line[..equals].TrimEnd(), prefixes))
        {
            return null;
        }

        return new KconfigSymbol(line[..equals].TrimEnd().ToString(), Value(line[(equals + 1)..].Trim()), number);
    }

    private static string Value(ReadOnlySpan<char> raw)
    {
        if (raw.Length >= 1 && raw[0] == '"')
        {
            // A quoted string: backslash escapes the next character; anything after the closing quote is ignored.
            var builder = new System.Text.StringBuilder();
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

    private static bool IsName(ReadOnlySpan<char> name, string[] prefixes)
    {
        var prefixed = false;
        foreach (var prefix in prefixes)
        {
            prefixed |= name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length;
        }

        if (!prefixed)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}

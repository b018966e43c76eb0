namespace ComplianceAuditor.Components.Reading;

/// <summary>Reads shell-style <c>KEY="value"</c> files (os-release, openwrt_release).</summary>
internal static class KeyValueText
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || eq <= 0)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }
            else if (value.Length >= 1 && (value[0] is '"' or '\''))
            {
                // The closing quote is missing (the file was cut at the read limit, or written wrongly): the quote is
                // not part of the name, and would keep the value from being an identifier.
                value = value[1..];
            }

            // The first assignment wins, as a shell reading the file top to bottom would not, but a duplicate planted
            // further down then cannot rename the system.
            values.TryAdd(line[..eq].Trim(), value);
        }

        return values;
    }
}

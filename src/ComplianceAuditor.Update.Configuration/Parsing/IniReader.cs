namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>
/// Reads the INI dialect shared by RAUC, OSTree, fwupd, systemd units and rauc-hawkbit-updater: <c>[section]</c>
/// headers, <c>key=value</c> lines, <c>#</c> and <c>;</c> comments. Keys and values are trimmed; anything else on a
/// line is ignored, as those tools ignore or reject it.
/// </summary>
internal static class IniReader
{
    public static IReadOnlyList<IniEntry> Read(TextFile file)
    {
        var entries = new List<IniEntry>();
        var section = string.Empty;
        for (var i = 0; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var close = line.LastIndexOf(']');
                section = close > 0 ? line[1..close].Trim() : line[1..].Trim();
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                entries.Add(new IniEntry(section, line[..equals].Trim(), line[(equals + 1)..].Trim(), i + 1));
            }
        }

        return entries;
    }

    /// <summary>The last value of <paramref name="key"/> in <paramref name="section"/> (case-insensitive key), or null.</summary>
    public static IniEntry? Find(IReadOnlyList<IniEntry> entries, string section, string key) =>
        entries.LastOrDefault(e => string.Equals(e.Section, section, StringComparison.Ordinal)
            && string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether an INI value reads as true, the way GLib and systemd accept it.</summary>
    public static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1"
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether an INI value reads as false.</summary>
    public static bool IsFalse(string? value) =>
        value is not null && (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0"
            || value.Equals("no", StringComparison.OrdinalIgnoreCase) || value.Equals("off", StringComparison.OrdinalIgnoreCase));
}

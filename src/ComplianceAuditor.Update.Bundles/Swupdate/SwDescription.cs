using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Update.Bundles.Swupdate;

/// <summary>
/// What an auditor needs from sw-description: the version, the hardware it is for, and every image, file and script
/// with its <c>sha256</c>. Board- and selection-specific sections (<c>software.myboard.images</c>,
/// <c>software.stable.main.images</c>) are all collected, each entry with the path it was found at.
/// </summary>
internal sealed record SwDescription(string Syntax, string? Version, IReadOnlyList<string> HardwareCompatibility, IReadOnlyList<SwDescriptionEntry> Entries)
{
    /// <summary>sw-description is a small text; larger input is not one.</summary>
    public const int MaxSize = 1 << 20;

    private const int MaxEntries = 1000;
    private const int MaxWalkDepth = 16;
    private static readonly string[] Sections = ["images", "files", "scripts"];

    /// <summary>The description, or null with <paramref name="problem"/> when it is not readable libconfig or JSON.</summary>
    public static SwDescription? TryRead(ReadOnlyMemory<byte> bytes, out string? problem)
    {
        if (bytes.Length > MaxSize)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"sw-description is {bytes.Length} bytes, more than the {MaxSize} read");
            return null;
        }

        if (!IsText(bytes.Span))
        {
            problem = "sw-description is not text: it is encrypted (CONFIG_ENCRYPTED_SW_DESCRIPTION) or damaged";
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes.Span);
        if (text.TrimStart().StartsWith('<'))
        {
            problem = "sw-description is XML (the old Lua parser's format), which this version does not read";
            return null;
        }

        var json = text.TrimStart().StartsWith('{');
        var root = json ? JsonConfigReader.TryParse(bytes, out problem) : LibconfigParser.TryParse(text, out problem);
        if (root is null)
        {
            return null;
        }

        if (root.Get("software") is not { Kind: ConfigKind.Group } software)
        {
            problem = "sw-description has no 'software' group";
            return null;
        }

        var entries = new List<SwDescriptionEntry>();
        var hardware = new List<string>();
        Walk(software, "software", 0, entries, hardware);
        return new SwDescription(json ? "JSON" : "libconfig", software.TextOf("version"), hardware.Distinct(StringComparer.Ordinal).ToList(), entries);
    }

    /// <summary>
    /// Whether text could be a sw-description on its own (a file outside a .swu): it starts, after comments, with a
    /// <c>software</c> setting or a JSON object whose first key is <c>software</c>.
    /// </summary>
    public static bool LooksLikeDescription(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var at = 0;
        while (at < head.Length)
        {
            if (char.IsWhiteSpace(head[at]))
            {
                at++;
            }
            else if (head.AsSpan(at).StartsWith("/*"))
            {
                var end = head.IndexOf("*/", at + 2, StringComparison.Ordinal);
                at = end < 0 ? head.Length : end + 2;
            }
            else if (head[at] == '#' || head.AsSpan(at).StartsWith("//"))
            {
                var end = head.IndexOf('\n', at);
                at = end < 0 ? head.Length : end + 1;
            }
            else
            {
                break;
            }
        }

        var rest = head.AsSpan(at);
        if (rest.StartsWith("software"))
        {
            var after = rest["software".Length..].TrimStart();
            return after.Length > 0 && after[0] is '=' or ':';
        }

        return rest.StartsWith("{") && rest[1..].TrimStart().StartsWith("\"software\"");
    }

    private static void Walk(ConfigNode group, string path, int depth, List<SwDescriptionEntry> entries, List<string> hardware)
    {
        if (depth > MaxWalkDepth)
        {
            return;
        }

        foreach (var setting in group.Children)
        {
            var here = path + "." + setting.Name;
            if (setting.Name == "hardware-compatibility" && setting.Value.Kind == ConfigKind.List)
            {
                hardware.AddRange(setting.Value.Children.Select(c => c.Value.Scalar).OfType<string>());
            }
            else if (Sections.Contains(setting.Name) && setting.Value.Kind == ConfigKind.List)
            {
                AddEntries(setting.Value, here, entries);
            }
            else if (setting.Value.Kind == ConfigKind.Group)
            {
                Walk(setting.Value, here, depth + 1, entries, hardware);
            }
        }
    }

    private static void AddEntries(ConfigNode list, string path, List<SwDescriptionEntry> entries)
    {
        for (var i = 0; i < list.Children.Count && entries.Count < MaxEntries; i++)
        {
            if (list.Children[i].Value is { Kind: ConfigKind.Group } item)
            {
                var encrypted = string.Equals(item.TextOf("encrypted"), "true", StringComparison.OrdinalIgnoreCase);
                entries.Add(new SwDescriptionEntry(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"),
                    item.TextOf("filename"), item.TextOf("sha256")?.ToLowerInvariant(), encrypted));
            }
        }
    }

    /// <summary>Text has no NUL and few control bytes; an encrypted description is random.</summary>
    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        var control = 0;
        foreach (var b in bytes)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                control++;
            }
        }

        return control <= bytes.Length / 100;
    }
}

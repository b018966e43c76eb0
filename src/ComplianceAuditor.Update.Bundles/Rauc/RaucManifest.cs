using System.Text;

namespace ComplianceAuditor.Update.Bundles.Rauc;

/// <summary>
/// A RAUC manifest (GLib key file: <c>[group]</c> lines, <c>key=value</c> lines, <c>#</c> comments), kept as groups of
/// settings in file order. Bounded: the manifest is small text, and longer input is cut.
/// </summary>
internal sealed record RaucManifest(IReadOnlyList<(string Group, IReadOnlyList<(string Key, string Value)> Settings)> Groups)
{
    public const int MaxSize = 256 * 1024;
    private const int MaxLines = 10_000;

    public string? Get(string group, string key) =>
        Groups.Where(g => g.Group == group).SelectMany(g => g.Settings).Where(s => s.Key == key).Select(s => s.Value).FirstOrDefault();

    /// <summary>The <c>[image.&lt;slot&gt;]</c> groups: slot class and settings.</summary>
    public IEnumerable<(string Slot, IReadOnlyList<(string Key, string Value)> Settings)> Images =>
        Groups.Where(g => g.Group.StartsWith("image.", StringComparison.Ordinal)).Select(g => (g.Group[6..], g.Settings));

    public static RaucManifest Parse(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, MaxSize)]);
        var groups = new List<(string, IReadOnlyList<(string, string)>)>();
        List<(string, string)>? current = null;
        foreach (var raw in text.Split('\n').Take(MaxLines))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                current = [];
                groups.Add((line[1..^1], current));
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (current is not null && equals > 0)
            {
                current.Add((line[..equals].Trim(), line[(equals + 1)..].Trim()));
            }
        }

        return new RaucManifest(groups);
    }
}

using System.Text;

namespace ComplianceAuditor.Update.Bundles.Mender;

/// <summary>The Mender manifest: one "<c>sha256  path</c>" line per file of the artifact, in sha256sum format.</summary>
internal sealed record MenderManifest(IReadOnlyList<(string Path, string Sha256)> Lines, int Malformed)
{
    private const int MaxLines = 10_000;

    public static MenderManifest Parse(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<(string, string)>();
        var malformed = 0;
        foreach (var raw in Encoding.UTF8.GetString(bytes).Split('\n').Take(MaxLines))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var hash = space > 0 ? line[..space] : string.Empty;
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            {
                malformed++;
                continue;
            }

            lines.Add((line[(space + 1)..].TrimStart(' ', '*'), hash.ToLowerInvariant()));
        }

        return new MenderManifest(lines, malformed);
    }
}

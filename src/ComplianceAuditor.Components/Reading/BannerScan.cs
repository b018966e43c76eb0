using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Components.Reading;

/// <summary>Searches an artifact's bytes, window by window, for version banners.</summary>
internal static class BannerScan
{
    /// <summary>The first match of each pattern (by index), with its byte offset; patterns never seen are absent.</summary>
    public static IReadOnlyList<(int Pattern, Match Match, long Offset)> FirstMatches(Artifact artifact, IReadOnlyList<Regex> patterns, CancellationToken cancellationToken)
    {
        var found = new (int, Match, long)?[patterns.Count];
        var remaining = patterns.Count;
        foreach (var (window, offset) in BoundedRead.Windows(artifact, cancellationToken))
        {
            for (var i = 0; i < patterns.Count && remaining > 0; i++)
            {
                if (found[i] is null && patterns[i].Match(window) is { Success: true } match)
                {
                    found[i] = (i, match, offset + match.Index);
                    remaining--;
                }
            }

            if (remaining == 0)
            {
                break;
            }
        }

        return found.Where(f => f is not null).Select(f => f!.Value).ToArray();
    }

    /// <summary>The evidence every banner detector records: the string as found and where, so a reader can look it up.</summary>
    public static string Evidence(Match match, long offset) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\"{match.Value}\" at offset 0x{offset:x}");
}

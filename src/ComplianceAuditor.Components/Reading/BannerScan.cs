using System.Text.RegularExpressions;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Components.Reading;

/// <summary>Searches an artifact's bytes, window by window, for version banners.</summary>
internal static class BannerScan
{
    /// <summary>
    /// Characters past a match that a pattern may look at (a terminator check such as "not followed by .digit"). A match
    /// that ends closer than this to a window's end may have been decided on missing bytes.
    /// </summary>
    private const int LookAhead = 2;

    /// <summary>
    /// The first match of each pattern (by index), with its byte offset; patterns never seen are absent. When some
    /// pattern was still unmatched as the scan reached <see cref="BoundedRead.MaxScanBytes"/> with more of the file
    /// left, a note says so: the report must not read as if the whole file had been searched.
    /// </summary>
    public static IReadOnlyList<(int Pattern, Match Match, long Offset)> FirstMatches(Artifact artifact, IReadOnlyList<Regex> patterns, ICollection<string> notes, CancellationToken cancellationToken)
    {
        var found = new (int, Match, long)?[patterns.Count];
        var remaining = patterns.Count;
        var stoppedAtLimit = false;
        foreach (var window in BoundedRead.Windows(artifact, cancellationToken))
        {
            for (var i = 0; i < patterns.Count && remaining > 0; i++)
            {
                if (found[i] is null && patterns[i].Match(window.Text) is { Success: true } match && IsWhole(match, window))
                {
                    found[i] = (i, match, window.Offset + match.Index);
                    remaining--;
                }
            }

            if (remaining == 0)
            {
                break;
            }

            stoppedAtLimit = window.StoppedAtLimit;
        }

        if (stoppedAtLimit)
        {
            notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"searched only the first {BoundedRead.MaxScanBytes / (1024 * 1024)} MiB of {artifact.Path} for version strings"));
        }

        return found.Where(f => f is not null).Select(f => f!.Value).ToArray();
    }

    /// <summary>
    /// True when the match cannot have been cut by the window's end. In the last window the end is the end of what is
    /// read. Otherwise a match that starts in the final <see cref="BoundedRead.Overlap"/> bytes is left to the next
    /// window, which begins there and sees it whole: "Mbed TLS 2.28.10" cut after "2.28.1" must not count. A match that
    /// starts earlier yet reaches the end is longer than any banner and is dropped rather than trusted.
    /// </summary>
    private static bool IsWhole(Match match, ScanWindow window) =>
        window.IsLast
        || (match.Index < window.Text.Length - BoundedRead.Overlap && match.Index + match.Length + LookAhead <= window.Text.Length);

    /// <summary>The evidence every banner detector records: the string as found and where, so a reader can look it up.</summary>
    public static string Evidence(Match match, long offset) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\"{match.Value}\" at offset 0x{offset:x}");
}


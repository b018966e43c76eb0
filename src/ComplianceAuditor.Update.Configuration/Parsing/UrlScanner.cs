namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>
/// Finds unauthenticated URLs in a line: <c>http://</c>, <c>ftp://</c> and <c>tftp://</c>, case-insensitive, each
/// only at a word start (so <c>sftp://</c> is not FTP). Loopback hosts are skipped: they never leave the device.
/// </summary>
internal static class UrlScanner
{
    private static readonly (string Scheme, TransportIssueKind Kind)[] Schemes =
    [
        ("http://", TransportIssueKind.PlainHttp),
        ("ftp://", TransportIssueKind.PlainFtp),
        ("tftp://", TransportIssueKind.Tftp),
    ];

    /// <summary>Every unauthenticated URL of the line, with its kind, in order of appearance.</summary>
    public static IReadOnlyList<(TransportIssueKind Kind, string Url)> Find(string line)
    {
        var found = new List<(int At, TransportIssueKind Kind, string Url)>();
        foreach (var (scheme, kind) in Schemes)
        {
            for (var at = line.IndexOf(scheme, StringComparison.OrdinalIgnoreCase); at >= 0 && found.Count < 64;
                 at = line.IndexOf(scheme, at + scheme.Length, StringComparison.OrdinalIgnoreCase))
            {
                if (at > 0 && char.IsAsciiLetter(line[at - 1]))
                {
                    continue;
                }

                var end = at + scheme.Length;
                while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] is not ('"' or '\'' or ';' or ',' or '>' or '<' or ')'))
                {
                    end++;
                }

                var url = line[at..end];
                if (url.Length > scheme.Length && !IsLoopback(url[scheme.Length..]))
                {
                    found.Add((at, kind, url));
                }
            }
        }

        return [.. found.OrderBy(f => f.At).Select(f => (f.Kind, f.Url))];
    }

    /// <summary>Whether a plain URL names a loopback host or is only a template placeholder.</summary>
    private static bool IsLoopback(string rest) =>
        rest.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("127.", StringComparison.Ordinal)
        || rest.StartsWith("[::1]", StringComparison.Ordinal);
}

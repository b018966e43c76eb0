using ComplianceAuditor.Update.Configuration.Parsing;

namespace ComplianceAuditor.Update.Configuration.Scanning;

/// <summary>
/// Finds insecure download settings line by line in any text file: <c>curl -k</c>, <c>--no-check-certificate</c>,
/// the patterns of <see cref="InsecureTlsPatterns"/>, <c>ftp://</c> and <c>tftp://</c> URLs, and, for files that
/// belong to an update mechanism, <c>http://</c> URLs too (elsewhere they are mostly documentation links).
/// </summary>
internal static class TransportScanner
{
    private const int MaxIssuesPerFile = 200;

    public static IReadOnlyList<TransportIssue> Scan(TextFile file, bool includePlainHttp)
    {
        var issues = new List<TransportIssue>();
        for (var i = 0; i < file.Lines.Count && issues.Count < MaxIssuesPerFile; i++)
        {
            var line = file.Lines[i];
            if (line.Length == 0 || ShellWords.IsComment(line))
            {
                continue;
            }

            var location = file.At(i);
            foreach (var (kind, _) in UrlScanner.Find(line).Where(u => includePlainHttp || u.Kind != TransportIssueKind.PlainHttp))
            {
                issues.Add(Issue(kind, location, line));
            }

            if (TurnsOffCertificateCheck(line))
            {
                issues.Add(Issue(TransportIssueKind.TlsVerificationDisabled, location, line));
            }

            if (InsecureTlsPatterns.HostNameNotChecked().IsMatch(line))
            {
                issues.Add(Issue(TransportIssueKind.TlsHostnameCheckDisabled, location, line));
            }
        }

        return Distinct(issues);
    }

    /// <summary>One issue per kind and line: a line with two http:// URLs is one finding.</summary>
    public static IReadOnlyList<TransportIssue> Distinct(IEnumerable<TransportIssue> issues) =>
        [.. issues.DistinctBy(i => (i.Kind, i.Location))];

    public static TransportIssue Issue(TransportIssueKind kind, FileLocation location, string setting) =>
        new(kind, location, Shorten(setting), Enforcement.Unknown);

    private static bool TurnsOffCertificateCheck(string line)
    {
        if (InsecureTlsPatterns.CertificateNotVerified().IsMatch(line))
        {
            return true;
        }

        var words = ShellWords.Split(line);
        if (words.Contains("--no-check-certificate", StringComparer.Ordinal))
        {
            return true;
        }

        return words.Any(w => ShellWords.IsProgram(w, "curl"))
            && words.Any(w => w == "--insecure" || (w.Length >= 2 && w[0] == '-' && w[1] != '-' && w.Skip(1).All(char.IsAsciiLetter) && w.Contains('k', StringComparison.Ordinal)));
    }

    private static string Shorten(string setting)
    {
        var trimmed = setting.Trim();
        return trimmed.Length > 200 ? trimmed[..200] + "..." : trimmed;
    }
}

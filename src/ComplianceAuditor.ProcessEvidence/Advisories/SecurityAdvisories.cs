using System.Text.RegularExpressions;
using ComplianceAuditor.ProcessEvidence.Disclosure;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Advisories;

/// <summary>
/// Finds security advisories and security entries in release notes: CVE and GHSA identifiers, entries that say they fix a
/// security problem, items under a "Security" heading (Keep a Changelog), each with the release and date of the heading
/// above it; and links to advisories published outside the repository. Release notes are CHANGELOG, CHANGES, NEWS,
/// HISTORY and RELEASE-NOTES files at the root, in .github/ or in the documentation folders, and any document in a
/// release-notes, releases or changelog folder at the root. Advisory files are documents in an advisories folder or
/// named after a CVE or GHSA id. Third-party folders are skipped: their changelogs are about someone else's code.
/// </summary>
public static class SecurityAdvisories
{
    private const int MaxFiles = 300;
    private const int MaxEntriesPerFile = 500;

    private static readonly string[] DocExtensions = [".md", ".markdown", ".txt", ".rst", ".adoc", ".asciidoc"];
    private static readonly string[] DataExtensions = [".json", ".yaml", ".yml", ".xml"];
    private static readonly string[] NotesNames = ["CHANGELOG", "CHANGES", "NEWS", "HISTORY", "RELEASE-NOTES", "RELEASE_NOTES", "RELEASENOTES", "RELEASES"];
    private static readonly string[] NotesFolders = ["/release-notes/", "/releasenotes/", "/releases/", "/changelog/", "/changelogs/", "/changes/"];
    private static readonly string[] DocFolders = ["/docs/", "/doc/", "/documentation/", "/.github/"];
    private static readonly string[] ThirdParty = ["/vendor/", "/third_party/", "/third-party/", "/thirdparty/", "/3rdparty/", "/external/", "/node_modules/", "/deps/"];

    private static readonly Regex Cve = TextScan.Create(@"\bCVE-\d{4}-\d{4,7}\b");
    private static readonly Regex Ghsa = TextScan.Create(@"\bGHSA(-[23456789cfghjmpqrvwx]{4}){3}\b");

    private static readonly Regex SecurityFix = TextScan.Create(
        @"\b(security\s+(fix|fixes|issue|issues|problem|flaw|bug|vulnerabilit(y|ies)|update|release|advisory|patch|hole)" +
        @"|vulnerabilit(y|ies)\s+(fixed|was\s+fixed|in|that|which|allowing|allowed)|fix(ed|es)?\s+(a\s+|an\s+|the\s+)?(potential\s+)?(security|vulnerabilit)" +
        @"|\[security\]|^\s*[-*+]?\s*security:)");

    private static readonly Regex SecurityHeading = TextScan.Create(@"^\W*(security|vulnerabilit)");
    private static readonly Regex ListItem = TextScan.Create(@"^\s*([-*+]|\d+[.)])\s+\S");

    // A published list of advisories or bulletins, not the form for reporting one (that is a disclosure contact).
    private static readonly Regex Channel = TextScan.Create(
        @"(https?://\S*/security/advisories(\b|$)|\b(security\s+(advisories|advisory|bulletins?|notices?|announcements?)|advisories)\b.*https?://)");

    private static readonly Regex ReportForm = TextScan.Create(@"/security/advisories/new\b");

    public static AdvisoryReport Find(IRepositoryFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var entries = new List<AdvisoryEntry>();
        var notes = new List<string>();
        var advisories = new List<string>();
        foreach (var path in TextScan.SortedPaths(files))
        {
            var isNotes = IsReleaseNotes(path);
            var isAdvisory = !isNotes && IsAdvisoryFile(path);
            if (!isNotes && !isAdvisory)
            {
                if (IsChannelDocument(path) && TextScan.Read(files, path) is { } doc)
                {
                    entries.AddRange(Channels(path, doc));
                }

                continue;
            }

            if (notes.Count + advisories.Count >= MaxFiles)
            {
                continue;
            }

            (isNotes ? notes : advisories).Add(path);
            if (TextScan.Read(files, path) is { } text)
            {
                entries.AddRange(Scan(path, text));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Evidence.Path, b.Evidence.Path) is var byPath && byPath != 0 ? byPath
            : a.Evidence.Line != b.Evidence.Line ? a.Evidence.Line.CompareTo(b.Evidence.Line)
            : string.CompareOrdinal(a.Id, b.Id));
        return new AdvisoryReport(entries, notes, advisories);
    }

    /// <summary>The security entries of one release-notes or advisory file, in line order.</summary>
    public static IReadOnlyList<AdvisoryEntry> Scan(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<AdvisoryEntry>();
        var lines = TextScan.Lines(text);
        string? release = null;
        DateOnly? date = null;
        var inSecuritySection = false;
        for (var i = 0; i < lines.Count && found.Count < MaxEntriesPerFile; i++)
        {
            var (number, line) = lines[i];
            if (ReleaseHeading.Text(lines, i) is { } heading)
            {
                if (ReleaseHeading.Release(heading) is { } named)
                {
                    (release, date) = (named, ReleaseHeading.Date(heading));
                }

                // A heading such as "Security" opens a section whose items are all security fixes; any other heading closes it.
                inSecuritySection = TextScan.IsMatch(SecurityHeading, heading);
                found.AddRange(Ids(path, number, line, release, date));
                continue;
            }

            if (ReleaseHeading.IsUnderline(line))
            {
                continue;
            }

            var ids = Ids(path, number, line, release, date);
            found.AddRange(ids);
            if (ids.Count == 0 && (TextScan.IsMatch(SecurityFix, line) || inSecuritySection && TextScan.IsMatch(ListItem, line)))
            {
                found.Add(new AdvisoryEntry(AdvisoryKind.SecurityFix, "", Evidence(path, number, line), release, date));
            }
        }

        return found.Count > MaxEntriesPerFile ? found.GetRange(0, MaxEntriesPerFile) : found;
    }

    private static List<AdvisoryEntry> Ids(string path, int number, string line, string? release, DateOnly? date)
    {
        var ids = new List<AdvisoryEntry>();
        foreach (var (kind, regex) in new[] { (AdvisoryKind.Cve, Cve), (AdvisoryKind.Ghsa, Ghsa) })
        {
            for (var match = regex.Match(line); match.Success && ids.Count < 20; match = match.NextMatch())
            {
                // CVE ids are written in capitals; GHSA ids keep the prefix in capitals and the rest in lower case.
                var id = kind == AdvisoryKind.Cve ? match.Value.ToUpperInvariant() : "GHSA" + match.Value[4..].ToLowerInvariant();
                ids.Add(new AdvisoryEntry(kind, id, Evidence(path, number, line), release, date));
            }
        }

        return ids;
    }

    private static IEnumerable<AdvisoryEntry> Channels(string path, string text) =>
        TextScan.Lines(text)
            .Where(l => TextScan.IsMatch(Channel, l.Text) && !TextScan.IsMatch(ReportForm, l.Text))
            .Take(5)
            .Select(l => new AdvisoryEntry(AdvisoryKind.PublishedChannel, "", Evidence(path, l.Number, l.Text)));

    private static EvidenceLine Evidence(string path, int number, string line) => new(path, number, TextScan.Excerpt(line));

    private static bool IsReleaseNotes(string path)
    {
        if (IsThirdParty(path) || !IsDocument(TextScan.FileName(path)))
        {
            return false;
        }

        var name = TextScan.FileName(path).ToUpperInvariant().Replace(' ', '-');
        var atTop = path.LastIndexOf('/') == 0 || DocFolders.Any(f => path.StartsWith(f, StringComparison.OrdinalIgnoreCase));
        return atTop && NotesNames.Any(n => name.StartsWith(n, StringComparison.Ordinal))
            || NotesFolders.Any(f => path.StartsWith(f, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsAdvisoryFile(string path)
    {
        var name = TextScan.FileName(path);
        if (IsThirdParty(path) || !IsDocument(name) && !DataExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return path.Contains("/advisories/", StringComparison.OrdinalIgnoreCase)
            || path.Contains("/security-advisories/", StringComparison.OrdinalIgnoreCase)
            || path.Contains("/advisory/", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The disclosure policy and the root README, where projects link their published advisories.</summary>
    private static bool IsChannelDocument(string path) =>
        SecurityPolicy.Locations.Any(l => l.Equals(path, StringComparison.OrdinalIgnoreCase))
        || path.LastIndexOf('/') == 0 && TextScan.FileName(path).StartsWith("README", StringComparison.OrdinalIgnoreCase) && IsDocument(TextScan.FileName(path));

    private static bool IsDocument(string name) =>
        DocExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || !name.Contains('.', StringComparison.Ordinal);

    private static bool IsThirdParty(string path) => ThirdParty.Any(t => path.Contains(t, StringComparison.OrdinalIgnoreCase));
}

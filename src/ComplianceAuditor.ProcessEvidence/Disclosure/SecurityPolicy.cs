using System.Text.RegularExpressions;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Disclosure;

/// <summary>Reads a repository's SECURITY.md for a reporting contact, response timelines and a supported-versions table.</summary>
public static class SecurityPolicy
{
    /// <summary>
    /// Where GitHub and common practice put the policy, in the order they are preferred: Markdown first, then the
    /// reStructuredText and AsciiDoc variants some projects use. A root security.txt is left to <see cref="SecurityTxt"/>.
    /// </summary>
    public static IReadOnlyList<string> Locations { get; } =
    [
        "/SECURITY.md", "/.github/SECURITY.md", "/docs/SECURITY.md",
        "/SECURITY.rst", "/SECURITY.adoc", "/.github/SECURITY.rst", "/docs/SECURITY.rst", "/docs/SECURITY.adoc",
    ];

    private const int MaxEvidence = 50;

    private static readonly Regex Email = TextScan.Create(@"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}");
    private static readonly Regex Link = TextScan.Create(@"https?://[^\s)>\]]+|\]\([^)\s]+\)");
    private static readonly Regex ReportWord = TextScan.Create(@"\b(report|reporting|contact|submit|disclose|disclosure|email|e-mail|advisor(y|ies))");

    // GitHub's private vulnerability reporting form counts as a contact even without words around it.
    private static readonly Regex AdvisoryForm = TextScan.Create(@"/security/advisories/new\b");

    private static readonly Regex Duration = TextScan.Create(
        @"\b(\d{1,3}|one|two|three|four|five|six|seven|ten|fourteen|thirty|sixty|ninety)(\s*-\s*\d{1,3})?\s*" +
        @"(business\s+|working\s+|calendar\s+)?(hours?|hrs?|h|days?|weeks?|months?)\b");

    private static readonly (TimelineKind Kind, Regex Words)[] TimelineWords =
    [
        (TimelineKind.Acknowledgement, TextScan.Create(@"\b(respond|response|reply|replies|acknowledg|confirm\s+receipt|triag)")),
        (TimelineKind.StatusUpdate, TextScan.Create(@"\b(status|progress|updates?\s+(you|the\s+reporter)|keep\s+you\s+(informed|updated)|inform\s+you)")),
        (TimelineKind.Fix, TextScan.Create(@"\b(fix|patch|resolv|remediat|release)")),
    ];

    // Requiring identity details deters reporting; the catalog flags a policy that demands them.
    private static readonly Regex PersonalData = TextScan.Create(
        @"\b(must|required?|need\s+to|have\s+to|mandatory)\b[^.]{0,60}\b(full\s+name|legal\s+name|phone\s+number|home\s+address|" +
        @"postal\s+address|date\s+of\s+birth|passport|id\s+card|national\s+id|identity\s+document)");

    private static readonly Regex TableHeader = TextScan.Create(@"^\s*\|?.*\bversions?\b.*\|.*\bsupport");

    /// <summary>Reads the first policy found at <see cref="Locations"/> (matched case-insensitively).</summary>
    public static SecurityPolicyReport Read(IRepositoryFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var paths = TextScan.SortedPaths(files);
        foreach (var location in Locations)
        {
            var actual = paths.FirstOrDefault(p => p.Equals(location, StringComparison.OrdinalIgnoreCase));
            if (actual is not null && TextScan.Read(files, actual) is { } text)
            {
                return Analyse(actual, text);
            }
        }

        return new SecurityPolicyReport();
    }

    /// <summary>Analyses policy text already read; <paramref name="path"/> is only used as evidence.</summary>
    public static SecurityPolicyReport Analyse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var contacts = new List<EvidenceLine>();
        var timelines = new List<PolicyTimeline>();
        var personal = new List<EvidenceLine>();
        EvidenceLine? table = null;
        foreach (var (number, line) in TextScan.Lines(text))
        {
            var evidence = new EvidenceLine(path, number, TextScan.Excerpt(line));
            if (contacts.Count < MaxEvidence && IsContact(line))
            {
                contacts.Add(evidence);
            }

            if (timelines.Count < MaxEvidence && TextScan.IsMatch(Duration, line))
            {
                var kinds = TimelineWords.Where(w => TextScan.IsMatch(w.Words, line)).Select(w => w.Kind).ToList();
                if (kinds.Count > 0)
                {
                    timelines.Add(new PolicyTimeline(evidence, kinds));
                }
            }

            if (personal.Count < MaxEvidence && TextScan.IsMatch(PersonalData, line))
            {
                personal.Add(evidence);
            }

            if (table is null && TextScan.IsMatch(TableHeader, line))
            {
                table = evidence;
            }
        }

        return new SecurityPolicyReport
        {
            Path = path, Contacts = contacts, Timelines = timelines, PersonalDataDemands = personal,
            SupportedVersionsTable = table,
        };
    }

    private static bool IsContact(string line) =>
        TextScan.IsMatch(Email, line)
        || TextScan.IsMatch(AdvisoryForm, line)
        || TextScan.IsMatch(Link, line) && TextScan.IsMatch(ReportWord, line);
}

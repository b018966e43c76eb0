using System.Text.RegularExpressions;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Documentation;

/// <summary>
/// Reads the repository's user documentation for the topics of <see cref="DocTopic"/>: the root README and manual-like
/// files (MANUAL, USAGE, INSTALL, SETUP, GETTING-STARTED, USER-GUIDE), and every document under the root's docs, doc,
/// documentation, manual, guide or wiki folder. Headings (Markdown, reStructuredText, AsciiDoc, HTML) and key sentences count.
/// </summary>
public static class UserDocumentation
{
    private const int MaxDocuments = 500;
    private const int MaxFindingsPerTopicAndFile = 10;

    private static readonly string[] Extensions = [".md", ".markdown", ".txt", ".rst", ".adoc", ".asciidoc", ".html", ".htm", ".org"];
    private static readonly string[] RootNames = ["README", "MANUAL", "USAGE", "INSTALL", "SETUP", "GETTING-STARTED", "GETTING_STARTED", "USER-GUIDE", "USER_GUIDE", "USERGUIDE"];
    private static readonly string[] Folders = ["/docs/", "/doc/", "/documentation/", "/manual/", "/manuals/", "/guide/", "/guides/", "/user-guide/", "/wiki/", "/handbook/"];

    private static readonly Regex Heading = TextScan.Create(@"^\s{0,3}(#{1,6}|={1,6})\s+(?<text>\S.*)$|<h[1-6][^>]*>(?<text>.*)");
    private static readonly Regex Underline = TextScan.Create(@"^\s*(={3,}|-{3,}|~{3,}|\^{3,}|\+{3,})\s*$");

    public static DocumentationReport Find(IRepositoryFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var findings = new List<DocFinding>();
        var documents = new List<string>();
        foreach (var path in TextScan.SortedPaths(files).Where(IsUserDocument).Take(MaxDocuments))
        {
            documents.Add(path);
            if (TextScan.Read(files, path) is { } text)
            {
                findings.AddRange(Scan(path, text));
            }
        }

        return new DocumentationReport(findings, documents);
    }

    /// <summary>The topics one document covers, in line order.</summary>
    public static IReadOnlyList<DocFinding> Scan(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DocFinding>();
        var perTopic = new int[Enum.GetValues<DocTopic>().Length];
        var lines = TextScan.Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var (number, line) = lines[i];
            var heading = HeadingText(lines, i);
            foreach (var (topic, headingWords, phrase) in DocTopicPatterns.All)
            {
                var isHeading = heading is not null && TextScan.IsMatch(headingWords, heading);
                if (perTopic[(int)topic] < MaxFindingsPerTopicAndFile && (isHeading || TextScan.IsMatch(phrase, line)))
                {
                    perTopic[(int)topic]++;
                    found.Add(new DocFinding(topic, new EvidenceLine(path, number, TextScan.Excerpt(line)), isHeading));
                }
            }
        }

        return found;
    }

    private static string? HeadingText(List<(int Number, string Text)> lines, int index)
    {
        var line = lines[index].Text;
        if (TextScan.Find(Heading, line) is { } match)
        {
            return match.Groups["text"].Value;
        }

        return index + 1 < lines.Count && line.Trim().Length > 0 && !TextScan.IsMatch(Underline, line) && TextScan.IsMatch(Underline, lines[index + 1].Text)
            ? line
            : null;
    }

    private static bool IsUserDocument(string path)
    {
        var name = TextScan.FileName(path);
        var extension = Extensions.FirstOrDefault(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (extension is null && name.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        var stem = (extension is null ? name : name[..^extension.Length]).ToUpperInvariant();
        return path.LastIndexOf('/') == 0 && RootNames.Any(n => stem.StartsWith(n, StringComparison.Ordinal))
            || extension is not null && Folders.Any(f => path.StartsWith(f, StringComparison.OrdinalIgnoreCase));
    }
}

using System.Text.RegularExpressions;
using ComplianceAuditor.ProcessEvidence.Support;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Advisories;

/// <summary>
/// Recognises headings in release notes: Markdown (ATX and underlined), reStructuredText and AsciiDoc headings, and the
/// bare "1.2.3 (2024-05-01)" or "Version 1.2.3" lines NEWS files use; reads the version and the release date from them.
/// </summary>
internal static class ReleaseHeading
{
    private static readonly Regex Atx = TextScan.Create(@"^\s{0,3}(#{1,6}|={1,6})\s+(?<text>.*)$");
    private static readonly Regex Underline = TextScan.Create(@"^\s*(={3,}|-{3,}|~{3,}|\^{3,}|\*{3,}|\+{3,})\s*$");
    private static readonly Regex BareRelease = TextScan.Create(
        @"^(version\s+|release\s+|v)?\[?\d+\.\d+(\.\d+){0,2}([-+][0-9a-z.]+)?\]?\s*($|[-(/:,]\s*.*\d{4})");
    private static readonly Regex Version = TextScan.Create(@"\bv?(?<v>\d+\.\d+(\.\d+){0,2}([-+][0-9a-z.]+)?)\b");
    private static readonly Regex Unreleased = TextScan.Create(@"\bunreleased\b");

    /// <summary>The heading text of line <paramref name="index"/>, or null when the line is not a heading.</summary>
    public static string? Text(List<(int Number, string Text)> lines, int index)
    {
        var line = lines[index].Text;
        if (TextScan.Find(Atx, line) is { } atx)
        {
            var text = atx.Groups["text"].Value.Trim().TrimEnd('#').Trim();
            return text.Length > 0 ? text : null;
        }

        // An underlined heading: the next line is a rule of '=', '-' or the like, and this line has words.
        if (index + 1 < lines.Count && line.Trim().Length > 0 && !TextScan.IsMatch(Underline, line) && TextScan.IsMatch(Underline, lines[index + 1].Text))
        {
            return line.Trim();
        }

        // Bare release lines start at the margin; indented ones are entries.
        return line.Length > 0 && !char.IsWhiteSpace(line[0]) && line.Length <= 120 && TextScan.IsMatch(BareRelease, line) ? line.Trim() : null;
    }

    /// <summary>True for the underline of the heading above it, which is no entry.</summary>
    public static bool IsUnderline(string line) => TextScan.IsMatch(Underline, line);

    /// <summary>The release a heading names ("1.4.2", "unreleased"), or null for other headings ("Security", "Fixed").</summary>
    public static string? Release(string heading) =>
        TextScan.Find(Version, heading) is { } match ? match.Groups["v"].Value
        : TextScan.IsMatch(Unreleased, heading) ? "unreleased"
        : null;

    public static DateOnly? Date(string heading) => StatementDate.ParseDay(heading);
}

using System.Text.RegularExpressions;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Support;

/// <summary>Finds support-period statements with an end date in README, SECURITY, SUPPORT, lifecycle and docs files.</summary>
public static class SupportPeriod
{
    private const int MaxFiles = 500;
    private const int MaxStatementsPerFile = 50;

    private static readonly string[] DocExtensions = [".md", ".markdown", ".txt", ".rst", ".adoc"];

    // A support phrase followed, within the same sentence, by "until"/"through"; or an end-of-support label.
    private static readonly Regex Trigger = TextScan.Create(
        @"\b(supported|support|security\s+(updates?|patches|fixes)|maintained|maintenance|updates?)\b[^.!?]{0,60}\b(until|till|through|thru)\b" +
        @"|\bend[\s-]+of[\s-]+(support|life|maintenance|security\s+(updates|support))\b|\beol\b|\bsupport\s+(period\s+)?(ends|expires)\b");

    private static readonly Regex ThroughOnly = TextScan.Create(@"\b(through|thru)$");

    private static readonly Regex OpenEnded = TextScan.Create(
        @"\blifetime\s+(support|updates|security)|\bsupported\s+(forever|indefinitely)|\bfor\s+the\s+(entire\s+)?(life|lifetime)\s+of\s+the\s+(product|device)");

    /// <summary>Scans the repository's documentation; <paramref name="referenceTime"/> decides which end dates have passed.</summary>
    public static SupportPeriodReport Find(IRepositoryFiles files, DateTimeOffset referenceTime)
    {
        ArgumentNullException.ThrowIfNull(files);
        var today = DateOnly.FromDateTime(referenceTime.UtcDateTime);
        var statements = new List<SupportStatement>();
        foreach (var path in TextScan.SortedPaths(files).Where(IsCandidate).Take(MaxFiles))
        {
            if (TextScan.Read(files, path) is { } text)
            {
                statements.AddRange(Scan(path, text, today));
            }
        }

        return new SupportPeriodReport(statements);
    }

    /// <summary>Statements in one file's text, in line order.</summary>
    public static IReadOnlyList<SupportStatement> Scan(string path, string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<SupportStatement>();
        foreach (var (number, line) in TextScan.Lines(text))
        {
            if (found.Count >= MaxStatementsPerFile)
            {
                break;
            }

            var evidence = new EvidenceLine(path, number, TextScan.Excerpt(line));
            if (TextScan.Find(Trigger, line) is { } trigger)
            {
                // Only a date after the phrase counts: "released 2020-01-01, supported until ..." must not take the release date.
                var end = StatementDate.Parse(line[trigger.Index..]);

                // "through" is often not about time ("updates are delivered through the server"): without a date it is no statement.
                if (end is null && TextScan.IsMatch(ThroughOnly, trigger.Value))
                {
                    continue;
                }

                found.Add(new SupportStatement(evidence, end, end is { } e && e < today, IsOpenEnded: false));
            }
            else if (TextScan.IsMatch(OpenEnded, line))
            {
                found.Add(new SupportStatement(evidence, null, IsPast: false, IsOpenEnded: true));
            }
        }

        return found;
    }

    private static bool IsCandidate(string path)
    {
        var name = TextScan.FileName(path);
        var isDoc = DocExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || !name.Contains('.', StringComparison.Ordinal);
        if (!isDoc)
        {
            return false;
        }

        var atTop = path.LastIndexOf('/') == 0 || path.StartsWith("/.github/", StringComparison.OrdinalIgnoreCase) && path.Count(c => c == '/') == 2;
        var wellKnownName = name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("SECURITY", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("SUPPORT", StringComparison.OrdinalIgnoreCase);
        var lifecycleName = name.Contains("lifecycle", StringComparison.OrdinalIgnoreCase)
            || name.Contains("eol", StringComparison.OrdinalIgnoreCase)
            || name.Contains("support", StringComparison.OrdinalIgnoreCase);
        return atTop && wellKnownName || lifecycleName || path.StartsWith("/docs/", StringComparison.OrdinalIgnoreCase);
    }
}

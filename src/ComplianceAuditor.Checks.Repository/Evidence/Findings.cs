using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Text;
using ComplianceAuditor.Engine;
using ComplianceAuditor.ProcessEvidence;

namespace ComplianceAuditor.Checks.Repository.Evidence;

/// <summary>How the repository checks turn parser findings into evidence, reasons and outcomes, the same way in every rule.</summary>
internal static class Findings
{
    /// <summary>Evidence items kept per result: enough to act on, and a hostile tree cannot swell the report.</summary>
    public const int MaxEvidence = 10;

    /// <summary>Evidence for a line of a file (or the whole file, for line 0), with the excerpt made safe to show.</summary>
    public static EvidenceItem Item(this RepositoryEvidence evidence, EvidenceLine line, string description) => new()
    {
        Kind = line.Line > 0 ? "text" : "file",
        Description = description,
        Path = evidence.Files.VirtualPath(line.Path),
        Line = line.Line > 0 ? line.Line : null,
        Excerpt = line.Line > 0 && line.Excerpt.Length > 0 ? DisplayText.Sanitize(line.Excerpt) : null,
    };

    /// <summary>Evidence naming a whole file.</summary>
    public static EvidenceItem File(this RepositoryEvidence evidence, string path, string description) =>
        new() { Kind = "file", Description = description, Path = evidence.Files.VirtualPath(path) };

    /// <summary>A file as a reason names it: its repository path without the leading '/', made safe to show.</summary>
    public static string Name(string path) => DisplayText.Sanitize(path.TrimStart('/'));

    /// <summary>"SECURITY.md:12", or the file alone when the evidence is the whole file.</summary>
    public static string At(EvidenceLine line) =>
        line.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Name(line.Path)}:{line.Line}") : Name(line.Path);

    /// <summary>A list for a reason: the first few, then how many more.</summary>
    public static string List(IEnumerable<string> items, int shown = 3)
    {
        var all = items.ToList();
        return all.Count <= shown
            ? string.Join(", ", all)
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", all.Take(shown))} and {all.Count - shown} more");
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The outcome when what a rule looks for was not found: <paramref name="proven"/> (fail, not applicable, or inconclusive
    /// where even a full reading cannot decide) only when
    /// every file was listed and every file the parser wanted was read whole. Otherwise the thing may sit in what was not
    /// read, and the result is inconclusive, saying what was not read.
    /// </summary>
    public static CheckOutcome NotFound(
        this RepositoryEvidence evidence,
        string reason,
        IReadOnlyList<ReadProblem> problems,
        Outcome proven = Outcome.Fail,
        IReadOnlyList<EvidenceItem>? items = null,
        string evidenceKey = "absent")
    {
        if (!evidence.Inventory.TreeComplete)
        {
            return CheckOutcome.Inconclusive($"{reason} among the files that were read, but part of the target was not read ({evidence.Inventory.FirstNote})");
        }

        if (problems.Count > 0)
        {
            var unread = problems.DistinctBy(p => (p.Path, p.Kind)).Select(p => p.Describe());
            return CheckOutcome.Inconclusive($"{reason} in what could be read, but {List(unread)}");
        }

        return proven switch
        {
            Outcome.Fail => CheckOutcome.Fail(reason, items ?? [], evidenceKey),
            Outcome.NotApplicable => CheckOutcome.NotApplicable(reason),
            _ => CheckOutcome.Inconclusive(reason),
        };
    }

    /// <summary>
    /// A failure found in a file that was read: it stands unless that file was read only in part or not at all, when the
    /// rest could hold what is missing.
    /// </summary>
    public static CheckOutcome FailUnlessUnread(string reason, IReadOnlyList<ReadProblem> problems, IReadOnlyList<EvidenceItem> items, string evidenceKey)
    {
        if (problems.Count > 0)
        {
            var unread = problems.DistinctBy(p => (p.Path, p.Kind)).Select(p => p.Describe());
            return CheckOutcome.Inconclusive($"{reason}, but {List(unread)}");
        }

        return CheckOutcome.Fail(reason, items, evidenceKey);
    }
}

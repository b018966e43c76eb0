using System.Security.Cryptography;
using System.Text;
using ComplianceAuditor.Core.Model;

namespace ComplianceAuditor.Repository.Audit;

/// <summary>
/// Turns history items into artifacts the rules read like files. The virtual path names the commit and the file,
/// <c>repo@3f2a9c1d4e5b/config/aws.conf</c>, which does not change when unrelated commits are added, so a finding's
/// fingerprint stays the same from one run to the next.
/// </summary>
internal static class HistoryArtifacts
{
    /// <summary>The artifact that stands for a target's whole history and is the parent of every history artifact.</summary>
    public static string RootPath(string target) => target + "@history";

    /// <summary>
    /// The artifact for an item, or null for the new-blob item of a text file: its lines come as an added-lines item of
    /// the same commit, and reading the blob again would report each secret twice.
    /// </summary>
    public static Artifact? From(HistoryItem item, string target, string? prefix)
    {
        if (item.Kind == HistoryItemKind.NewBlob && item.IsText)
        {
            return null;
        }

        var relative = prefix is { Length: > 0 } && item.Path.StartsWith(prefix, StringComparison.Ordinal) ? item.Path[prefix.Length..] : item.Path;
        var history = new ArtifactHistory(
            item.CommitId, $"{item.AuthorName} <{item.AuthorEmail}>", item.AuthorDateIso, item.Path, item.BlobId,
            AddedLinesOnly: item.Kind == HistoryItemKind.AddedLines);
        byte[] bytes;
        ArtifactKind kind;
        if (item.Kind == HistoryItemKind.AddedLines)
        {
            bytes = Encoding.UTF8.GetBytes(PlaceLines(item.Lines));
            kind = ArtifactKind.Text;
        }
        else
        {
            bytes = ReadAll(item);
            kind = ContentSniffer.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, ContentSniffer.HeadBytes)));
        }

        return new Artifact
        {
            Path = $"{target}@{history.ShortCommit}/{relative}",
            Target = target,
            RelativePath = relative,
            Parent = RootPath(target),
            Kind = kind,
            Size = bytes.Length,
            // Added lines alone are not a file anyone has; only a whole blob has a hash worth quoting.
            Sha256 = history.AddedLinesOnly ? "" : Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ExtractedBy = history.AddedLinesOnly ? "git history (lines added by the commit)" : "git history (blob added by the commit)",
            History = history,
            Content = new BytesContent(bytes),
        };
    }

    /// <summary>
    /// The added lines, each on its own line number and every other line left empty, so what a check reports as line
    /// 42 is line 42 of the file in that commit, and a key spread over consecutive added lines still reads as one.
    /// </summary>
    internal static string PlaceLines(IReadOnlyList<AddedLine> lines)
    {
        var text = new StringBuilder();
        var next = 1;
        foreach (var line in lines)
        {
            // Line numbers come from the diff in ascending order; a repeated or backwards number is placed after the last.
            if (line.LineNumber > next)
            {
                text.Append('\n', line.LineNumber - next);
                next = line.LineNumber;
            }

            text.Append(line.Text).Append('\n');
            next++;
        }

        return text.ToString();
    }

    private static byte[] ReadAll(HistoryItem item)
    {
        using var stream = item.OpenContent() ?? Stream.Null;
        using var copy = new MemoryStream(item.Size is > 0 and <= int.MaxValue ? (int)item.Size : 0);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

using System.Text;

namespace ComplianceAuditor.Repository;

/// <summary>
/// What a new version of a text file adds to the old one: the lines of the new version that the old version does not
/// hold anywhere, with their line numbers in the new version. A line only moved, or repeated from elsewhere in the old
/// file, adds no content, so it is not reported again; for finding secrets that is what matters, and it costs one pass
/// over each version instead of a full diff.
/// </summary>
internal static class LineDiff
{
    /// <summary>Files longer than this many lines are compared by their first lines only, and the rest is read as added.</summary>
    private const int MaxOldLines = 1_000_000;

    public static List<AddedLine> Added(byte[]? old, byte[] current)
    {
        var lines = LineSplitter.Split(Decode(current));
        if (old is null || old.Length == 0)
        {
            return lines;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in LineSplitter.Split(Decode(old)).Take(MaxOldLines))
        {
            known.Add(line.Text);
        }

        var added = new List<AddedLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!known.Contains(lines[i].Text))
            {
                added.Add(lines[i]);
            }
            else if (IsArmour(lines[i].Text) && (IsNew(i - 1) || IsNew(i + 1)))
            {
                // A key rotated in place keeps its BEGIN and END lines: without them the new key's body is just base64,
                // which no key rule recognises. The armour lines beside added lines go with them.
                added.Add(lines[i]);
            }
        }

        return added;

        bool IsNew(int index) => index >= 0 && index < lines.Count && !known.Contains(lines[index].Text);
    }

    /// <summary>The first or last line of a PEM, OpenSSH or PGP armoured block.</summary>
    private static bool IsArmour(string line) =>
        line.StartsWith("-----BEGIN ", StringComparison.Ordinal) || line.StartsWith("-----END ", StringComparison.Ordinal);

    /// <summary>git's own test: a NUL byte in the first 8000 bytes makes a blob binary.</summary>
    public static bool LooksBinary(byte[] content) => content.AsSpan(0, Math.Min(content.Length, 8000)).Contains((byte)0);

    /// <summary>Invalid UTF-8 becomes U+FFFD, as the text reader of the working tree decodes it.</summary>
    private static string Decode(byte[] content) => Encoding.UTF8.GetString(content);
}

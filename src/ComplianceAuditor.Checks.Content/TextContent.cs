namespace ComplianceAuditor.Checks.Content;

/// <summary>Helpers for evidence taken from decoded text.</summary>
internal static class TextContent
{
    /// <summary>
    /// The line around a match for the evidence excerpt: the whole line when short, else a window that starts a
    /// little before the match, so a match far into a long line is still shown and a 16 MB line is never copied.
    /// </summary>
    public static string LineAt(ReadOnlySpan<char> text, int index, int window = 160)
    {
        var lineStart = text[..index].LastIndexOf('\n') + 1;
        var lineEnd = text[index..].IndexOf('\n');
        lineEnd = lineEnd < 0 ? text.Length : index + lineEnd;
        var start = Math.Max(lineStart, index - (window / 4));
        var end = Math.Min(lineEnd, start + window);
        return (start > lineStart ? "…" : "") + text[start..end].TrimEnd('\r').ToString() + (end < lineEnd ? "…" : "");
    }
}

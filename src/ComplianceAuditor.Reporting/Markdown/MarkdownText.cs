using System.Text;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Reporting.Markdown;

/// <summary>
/// Makes report text inert in GitHub-flavoured Markdown. Most of it comes from the firmware under audit (file names,
/// excerpts, messages quoting them), and a pull-request comment renders whatever markup it is given: a <c>|</c> would
/// end a table cell, a line break start a new row, <c>[..](..)</c> add a link, <c>&lt;script&gt;</c> or
/// <c>&amp;#8238;</c> reach the page as HTML, <c>$..$</c> become math.
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// One line of untrusted text for a table cell or a sentence: line breaks become spaces, control characters and
    /// bidirectional overrides visible <c>\uXXXX</c> escapes (as in every other format), the text is cut to
    /// <paramref name="maxLength"/> characters, and then every character Markdown or HTML would read is escaped.
    /// </summary>
    public static string Cell(string? value, int maxLength = 200) => Escape(Clean(value, maxLength));

    /// <summary>
    /// For text inside raw HTML (a <c>&lt;summary&gt;</c> line): GitHub passes HTML blocks through without reading
    /// Markdown escapes, so a backslash there would show; entities alone make the text inert.
    /// </summary>
    public static string Html(string? value, int maxLength)
    {
        var clean = Clean(value, maxLength);
        var sb = new StringBuilder(clean.Length + 8);
        foreach (var c in clean)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Escapes text that is already one safe line (our own words, or the output of <see cref="DisplayText"/>).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                // Entities rather than backslashes: '&' first of all, so text cannot spell an entity of its own.
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '\\' or '|' or '`' or '*' or '_' or '[' or ']' or '#' or '~' or '$' => sb.Append('\\').Append(c),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Enough of a SHA-256 to tell two inputs apart at a glance; the full one is in <c>report.json</c>.</summary>
    public static string ShortHash(string hash) => Cell(hash.Length > 12 ? hash[..12] : hash, 12);

    private static string Clean(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // Line breaks become spaces before sanitising, so they read as breaks rather than as \u000A escapes; the Unicode
        // line and paragraph separators too, which some renderers break lines on.
        var oneLine = value.Replace("\r\n", " ", StringComparison.Ordinal)
            .Replace('\r', ' ').Replace('\n', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');
        return DisplayText.Sanitize(oneLine, maxLength);
    }
}

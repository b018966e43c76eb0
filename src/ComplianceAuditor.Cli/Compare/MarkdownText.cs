using System.Text;

namespace ComplianceAuditor.Cli.Compare;

/// <summary>
/// Makes report text safe inside a Markdown table cell of a pull-request comment: one line, no cell breaks, and no
/// markup of its own. Firmware-derived text could otherwise close the cell (<c>|</c>), start a new row (a newline),
/// add links or images (<c>[..](..)</c>, <c>&lt;img&gt;</c>) or smuggle characters in as HTML entities (<c>&amp;#8238;</c>).
/// </summary>
internal static class MarkdownText
{
    public static string Cell(string value, int maxLength = 200)
    {
        // Line breaks become spaces before sanitizing, so they read as breaks rather than as \u000A escapes.
        var oneLine = value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
        return Escape(ComparisonDisplay.Safe(oneLine, maxLength));
    }

    /// <summary>Escapes text that is already safe to print (our own words, or sanitized report text).</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '\\' or '|' or '`' or '*' or '_' or '[' or ']' or '~' or '#' => sb.Append('\\').Append(c),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}

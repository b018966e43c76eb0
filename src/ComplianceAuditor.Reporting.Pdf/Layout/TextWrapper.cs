using System.Globalization;

namespace ComplianceAuditor.Reporting.Pdf.Layout;

/// <summary>
/// Greedy word wrap. Words wider than a line (paths, hashes, base64 in firmware strings) are cut, preferably after a
/// path or punctuation character, and never inside a surrogate pair or combining sequence.
/// </summary>
internal static class TextWrapper
{
    // No backslash here: DisplayText escapes such as \u202E are cut before it instead, so they stay recognisable.
    private const string SoftBreakAfter = "/!-_.,;:=&?";

    public static IReadOnlyList<string> Wrap(string text, TextStyle style, float width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        text = style.Drawable(text);
        var lines = new List<string>();
        var space = style.Measure(" ");
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            var lineWidth = 0f;
            var before = lines.Count;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // Widths add up (advances, no kerning across a space), so each word is measured once rather than the
                // whole line again for every word: long rationale paragraphs made wrapping quadratic.
                var wordWidth = style.Measure(word);
                var candidateWidth = line.Length == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (candidateWidth <= width)
                {
                    line = line.Length == 0 ? word : line + " " + word;
                    lineWidth = candidateWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (style.Measure(line) > width)
                {
                    var cut = BreakIndex(line, style, width);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }

                lineWidth = style.Measure(line);
            }

            if (line.Length > 0 || lines.Count == before)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Where to cut a word that is too wide: always at least one text element, so wrapping ends.</summary>
    private static int BreakIndex(string word, TextStyle style, float width)
    {
        var starts = StringInfo.ParseCombiningCharacters(word);

        // Widths only grow with more elements, so binary search for the longest prefix that fits.
        int low = 1, high = starts.Length - 1, fitting = 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (style.Measure(word[..starts[mid]]) <= width)
            {
                fitting = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        var cut = fitting < starts.Length ? starts[fitting] : word.Length;

        // A cut after a separator reads better ("/etc/" + "init.d"), and one before a backslash keeps an escape such
        // as \u202E whole, as long as neither wastes half the line.
        for (var i = cut - 1; i > cut / 2; i--)
        {
            if (SoftBreakAfter.Contains(word[i], StringComparison.Ordinal))
            {
                return i + 1;
            }

            if (word[i] == '\\')
            {
                return i;
            }
        }

        return cut;
    }
}

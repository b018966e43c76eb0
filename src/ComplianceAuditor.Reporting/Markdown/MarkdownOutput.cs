using System.Globalization;
using System.Text;

namespace ComplianceAuditor.Reporting.Markdown;

/// <summary>
/// One part of the Markdown report with a size it may not pass. GitHub refuses a comment over 65,536 characters, and
/// a firmware with thousands of findings would pass that easily; so lists are written while they fit and then say how
/// many entries were left out, which tells the reader to open the full report.
/// </summary>
internal sealed class MarkdownOutput(int limit)
{
    private readonly StringBuilder _text = new();

    public int Length => _text.Length;

    public int Limit => limit;

    /// <summary>Characters still free before <see cref="Limit"/>.</summary>
    public int Free => limit - _text.Length;

    /// <summary>The reserve that lets a list use at most <paramref name="share"/> more characters.</summary>
    public int ReserveBeyond(int share) => Math.Max(0, Free - share);

    /// <summary>Appends a line; "\n" whatever the platform, so every machine writes the same bytes.</summary>
    public void Line(string line = "") => _text.Append(line).Append('\n');

    /// <summary>
    /// Writes <paramref name="header"/> and one line per item while they fit, keeping <paramref name="reserve"/>
    /// characters free for what the caller writes after; the first item that does not fit ends the list with the
    /// "… N more" line (the header is left out when no item fits). Items are formatted only when written, so a list of
    /// a hundred thousand costs only what is shown. Returns how many items were written.
    /// </summary>
    public int Rows<T>(IReadOnlyList<string> header, IReadOnlyList<T> items, Func<T, string> format, string what, int reserve)
    {
        var headerLength = header.Sum(h => h.Length + 1);
        // The "… N more" line with the largest N it could name, and the blank line that ends a table before it.
        var moreLength = More(items.Count, what).Length + 2;
        var written = 0;
        foreach (var item in items)
        {
            var line = format(item);
            var last = written == items.Count - 1;
            var needed = line.Length + 1 + (written == 0 ? headerLength : 0) + (last ? 0 : moreLength) + reserve;
            if (needed > Free)
            {
                break;
            }

            if (written == 0)
            {
                foreach (var h in header)
                {
                    Line(h);
                }
            }

            Line(line);
            written++;
        }

        if (written < items.Count)
        {
            if (written > 0)
            {
                Line();
            }

            Line(More(items.Count - written, what));
        }

        return written;
    }

    public static string More(int count, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"… {count} more {what} in report.json / report.html");

    public override string ToString() => _text.ToString();
}

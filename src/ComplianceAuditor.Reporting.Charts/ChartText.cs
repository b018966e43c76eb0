using System.Globalization;
using System.Text;
using System.Xml;
using ComplianceAuditor.Core.Text;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>Words and numbers shared by the charts and their text alternatives.</summary>
internal static class ChartText
{
    /// <summary>
    /// Scheme titles and rating labels come from rule files a lab writes: made safe to show, kept short, and stripped
    /// of the few characters XML cannot hold at all (U+FFFE, U+FFFF), which would otherwise make the SVG unreadable.
    /// Trimmed, because SVG drops leading spaces and the glyph positions would then be off by one.
    /// </summary>
    public static string Safe(string value, int maxLength = 60)
    {
        var shown = DisplayText.Sanitize(value, maxLength);
        var sb = new StringBuilder(shown.Length);
        for (var i = 0; i < shown.Length; i++)
        {
            if (i + 1 < shown.Length && XmlConvert.IsXmlSurrogatePair(shown[i + 1], shown[i]))
            {
                sb.Append(shown, i, 2);
                i++;
            }
            else
            {
                sb.Append(XmlConvert.IsXmlChar(shown[i]) ? shown[i] : '?');
            }
        }

        return sb.ToString().Trim();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Score(double score) => score.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"notApplicable" becomes "not applicable", as prose reads.</summary>
    public static string Word(string camel) => Names.Display(camel).ToLowerInvariant();

    /// <summary>The count for <paramref name="key"/>, 0 when the report has none (hand-written or older reports).</summary>
    public static int Count(IReadOnlyDictionary<string, int> counts, string key) => counts.TryGetValue(key, out var n) ? n : 0;
}

using System.Text.RegularExpressions;
using ComplianceAuditor.ProcessEvidence.Text;

namespace ComplianceAuditor.ProcessEvidence.Support;

/// <summary>Finds the first end date in a piece of text: ISO (2030-12-31, 2028-06), "DD Month YYYY", "Month DD, YYYY", "Month YYYY".</summary>
internal static class StatementDate
{
    private const string Month =
        "(?<mon>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)";

    private static readonly Regex Iso = TextScan.Create(@"\b(?<y>\d{4})-(?<m>\d{1,2})(-(?<d>\d{1,2}))?\b");
    private static readonly Regex DayMonthYear = TextScan.Create(@"\b(?<d>\d{1,2})(st|nd|rd|th)?\s+(of\s+)?" + Month + @"\.?,?\s+(?<y>\d{4})\b");
    private static readonly Regex MonthDayYear = TextScan.Create(@"\b" + Month + @"\.?\s+(?<d>\d{1,2})(st|nd|rd|th)?,?\s+(?<y>\d{4})\b");
    private static readonly Regex MonthYear = TextScan.Create(@"\b" + Month + @"\.?,?\s+(?<y>\d{4})\b");
    private static readonly Regex YearOnly = TextScan.Create(@"\b(?<y>(19|20)\d{2})\b");
    private static readonly Regex IsoDay = TextScan.Create(@"\b(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})\b");

    /// <summary>
    /// The last day the text's date covers (a month means its last day, a bare year its 31 December), or null.
    /// The earliest date in the text wins; at one position the most precise form wins.
    /// </summary>
    public static DateOnly? Parse(string text) => Earliest(text, [Iso, DayMonthYear, MonthDayYear, MonthYear, YearOnly]);

    /// <summary>
    /// The first date in the text that names a day (2024-05-01, 2024/05/01, 1 May 2024, May 1, 2024), or null. Release
    /// headings need this stricter form: a version such as 2024.1 must not read as "the end of 2024".
    /// </summary>
    public static DateOnly? ParseDay(string text) => Earliest(text, [IsoDay, DayMonthYear, MonthDayYear]);

    private static DateOnly? Earliest(string text, Regex[] forms)
    {
        (int Index, DateOnly Date)? best = null;
        foreach (var regex in forms)
        {
            if (TextScan.Find(regex, text) is { } match && ToDate(match) is { } date && (best is null || match.Index < best.Value.Index))
            {
                best = (match.Index, date);
            }
        }

        return best?.Date;
    }

    private static DateOnly? ToDate(Match match)
    {
        if (!int.TryParse(match.Groups["y"].ValueSpan, out var year) || year is < 1900 or > 2200)
        {
            return null;
        }

        var month = 12;
        if (match.Groups["m"].Success && !int.TryParse(match.Groups["m"].ValueSpan, out month))
        {
            return null;
        }

        if (match.Groups["mon"].Success)
        {
            month = MonthNumber(match.Groups["mon"].Value);
        }

        if (month is < 1 or > 12)
        {
            return null;
        }

        var lastDay = DateTime.DaysInMonth(year, month);
        var day = lastDay;
        if (match.Groups["d"].Success && (!int.TryParse(match.Groups["d"].ValueSpan, out day) || day < 1 || day > lastDay))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static int MonthNumber(string name)
    {
        var prefix = name[..3].ToUpperInvariant();
        string[] months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
        return Array.IndexOf(months, prefix) + 1;
    }
}

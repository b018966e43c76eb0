using System.Text.RegularExpressions;

namespace ComplianceAuditor.ProcessEvidence.Text;

/// <summary>Bounded reading, line splitting and regex helpers shared by the parsers.</summary>
internal static class TextScan
{
    /// <summary>No single file is read past this many bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Lines after this are ignored; a 1 MiB file of one-character lines stays within it.</summary>
    public const int MaxLines = 600_000;

    /// <summary>Excerpts in evidence are cut to this many characters so hostile lines cannot bloat reports.</summary>
    public const int MaxExcerpt = 160;

    /// <summary>
    /// Regexes are non-backtracking, so matching is linear in the input. They deliberately carry no timeout: on .NET 10 a
    /// NonBacktracking regex with a timeout and a word boundary missed matches in lines of about 100,000 characters
    /// (see HostileInputTests), and linear matching needs no second guard.
    /// </summary>
    public static Regex Create(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>
    /// Reads a file, treating any failure of the view as "not readable". A leading byte-order mark is dropped: editors on
    /// Windows write one, and it would otherwise glue itself to the first field name of a security.txt.
    /// </summary>
    public static string? Read(IRepositoryFiles files, string path, int maxBytes = MaxBytes)
    {
        try
        {
            var text = files.ReadText(path, maxBytes);
            return text is not null && text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The file's lines with 1-based numbers; handles \n, \r\n and \r.</summary>
    public static List<(int Number, string Text)> Lines(string text)
    {
        var lines = new List<(int, string)>();
        var start = 0;
        var number = 1;
        while (start <= text.Length && lines.Count < MaxLines)
        {
            var end = text.IndexOfAny(['\r', '\n'], start);
            if (end < 0)
            {
                if (start < text.Length)
                {
                    lines.Add((number, text[start..]));
                }

                break;
            }

            lines.Add((number++, text[start..end]));
            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }

        return lines;
    }

    /// <summary>A match, or null when none.</summary>
    public static Match? Find(Regex regex, string input)
    {
        var match = regex.Match(input);
        return match.Success ? match : null;
    }

    public static bool IsMatch(Regex regex, string input) => Find(regex, input) is not null;

    public static string Excerpt(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length <= MaxExcerpt ? trimmed : trimmed[..MaxExcerpt];
    }

    /// <summary>The file name part of a '/'-separated path.</summary>
    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>The view's paths, sorted and capped so a huge tree cannot make a scan unbounded.</summary>
    public static List<string> SortedPaths(IRepositoryFiles files, int max = 200_000)
    {
        var list = files.Paths.Where(p => p is not null && p.StartsWith('/')).Take(max).ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}

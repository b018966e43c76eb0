namespace ComplianceAuditor.Credentials.Accounts;

/// <summary>
/// The line handling all colon-separated account files share, with the limits that keep hostile input bounded:
/// lines over <see cref="MaxLineLength"/> are not split, at most <see cref="MaxEntries"/> entries and
/// <see cref="MaxProblems"/> problems are kept. Blank lines and '#' comments are skipped.
/// </summary>
internal static class AccountFileReader
{
    public const int MaxLineLength = 4096;
    public const int MaxEntries = 100_000;
    public const int MaxProblems = 1_000;

    /// <summary>Reads one content line: an entry, or the reason it is not one.</summary>
    public delegate (TEntry? Entry, string? Problem) LineParser<TEntry>(string line, int lineNumber);

    public static (List<TEntry> Entries, List<LineProblem> Problems) Read<TEntry>(string? text, LineParser<TEntry> parse)
    {
        var entries = new List<TEntry>();
        var problems = new List<LineProblem>();
        text ??= "";
        var start = 0;
        var number = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            number++;
            var line = text.AsSpan(start, end - start);
            start = end + 1;
            if (line.EndsWith("\r", StringComparison.Ordinal))
            {
                line = line[..^1];
            }

            if (problems.Count >= MaxProblems)
            {
                problems.Add(new LineProblem(number, $"more than {MaxProblems} problems; the rest of the file is not read"));
                break;
            }

            if (line.Length > MaxLineLength)
            {
                problems.Add(new LineProblem(number, $"line is {line.Length} characters long, over {MaxLineLength}; not read"));
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.IsEmpty || trimmed[0] == '#')
            {
                continue;
            }

            var binary = IndexOfBinary(line);
            if (binary >= 0)
            {
                problems.Add(new LineProblem(number, $"binary data: {Describe(line[binary])} at column {binary + 1}"));
                continue;
            }

            if (entries.Count >= MaxEntries)
            {
                problems.Add(new LineProblem(number, $"more than {MaxEntries} entries; the rest of the file is not read"));
                break;
            }

            var (entry, problem) = parse(line.ToString(), number);
            if (entry is not null)
            {
                entries.Add(entry);
            }
            else
            {
                problems.Add(new LineProblem(number, problem ?? "not an entry"));
            }
        }

        return (entries, problems);
    }

    /// <summary>Splits on ':' and checks the count, returning the reason when it is wrong.</summary>
    public static string? Split(string line, int expected, out string[] fields, int alternative = -1)
    {
        fields = line.Split(':');
        if (fields.Length == expected || fields.Length == alternative)
        {
            return null;
        }

        var also = alternative > 0 ? $" (or {alternative})" : "";
        return $"{fields.Length} fields, {expected}{also} expected";
    }

    private static int IndexOfBinary(ReadOnlySpan<char> line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            // Control characters (tab aside) and the replacement character a failed UTF-8 decoding leaves behind.
            if ((c < ' ' && c != '\t') || c == '\x7F' || c == '\uFFFD')
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(char c) => Hashes.FieldText.Describe(c);
}

namespace ComplianceAuditor.Credentials.Accounts;

public sealed class ShadowFile : AccountFile<ShadowEntry>
{
    private static readonly string[] DayFieldNames = ["last change", "minimum age", "maximum age", "warning period", "inactivity period", "expiry"];

    private ShadowFile(IReadOnlyList<ShadowEntry> entries, IReadOnlyList<LineProblem> problems)
        : base(entries, problems)
    {
    }

    /// <summary>Reads shadow text: nine fields, or glibc's old two-field "name:password". Never throws.</summary>
    public static ShadowFile Parse(string? text)
    {
        var (entries, problems) = AccountFileReader.Read(text, ParseLine);
        return new ShadowFile(entries, problems);
    }

    private static (ShadowEntry?, string?) ParseLine(string line, int number)
    {
        if (AccountFileReader.Split(line, 9, out var f, alternative: 2) is { } count)
        {
            return (null, count);
        }

        if (f[0].Length == 0)
        {
            return (null, "empty user name");
        }

        var days = new long?[6];
        for (var i = 0; i < days.Length && f.Length == 9; i++)
        {
            if (!NumericField.TryParseOptional(f[i + 2], out days[i]))
            {
                return (null, $"{DayFieldNames[i]} {NumericField.Quote(f[i + 2])} is not a number");
            }
        }

        // The ninth field is reserved; glibc reads it as a number, so a non-number makes the line invalid there too.
        if (f.Length == 9 && !NumericField.TryParseOptional(f[8], out _))
        {
            return (null, $"reserved field {NumericField.Quote(f[8])} is not a number");
        }

        return (new ShadowEntry(f[0], f[1], days[0], days[1], days[2], days[3], days[4], days[5], number), null);
    }
}

namespace ComplianceAuditor.Credentials.Accounts;

public sealed class PasswdFile : AccountFile<PasswdEntry>
{
    private PasswdFile(IReadOnlyList<PasswdEntry> entries, IReadOnlyList<LineProblem> problems)
        : base(entries, problems)
    {
    }

    /// <summary>Reads passwd text; never throws, malformed lines become <see cref="AccountFile{T}.Problems"/>.</summary>
    public static PasswdFile Parse(string? text)
    {
        var (entries, problems) = AccountFileReader.Read(text, ParseLine);
        return new PasswdFile(entries, problems);
    }

    private static (PasswdEntry?, string?) ParseLine(string line, int number)
    {
        if (AccountFileReader.Split(line, 7, out var f) is { } count)
        {
            return (null, count);
        }

        if (f[0].Length == 0)
        {
            return (null, "empty user name");
        }

        if (!NumericField.TryParseId(f[2], out var uid))
        {
            return (null, $"uid {NumericField.Quote(f[2])} is not a number");
        }

        if (!NumericField.TryParseId(f[3], out var gid))
        {
            return (null, $"gid {NumericField.Quote(f[3])} is not a number");
        }

        return (new PasswdEntry(f[0], f[1], uid, gid, f[4], f[5], f[6], number), null);
    }
}

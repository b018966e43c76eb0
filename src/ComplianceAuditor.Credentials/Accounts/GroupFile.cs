namespace ComplianceAuditor.Credentials.Accounts;

public sealed class GroupFile : AccountFile<GroupEntry>
{
    private GroupFile(IReadOnlyList<GroupEntry> entries, IReadOnlyList<LineProblem> problems)
        : base(entries, problems)
    {
    }

    public static GroupFile Parse(string? text)
    {
        var (entries, problems) = AccountFileReader.Read(text, ParseLine);
        return new GroupFile(entries, problems);
    }

    private static (GroupEntry?, string?) ParseLine(string line, int number)
    {
        if (AccountFileReader.Split(line, 4, out var f) is { } count)
        {
            return (null, count);
        }

        if (f[0].Length == 0)
        {
            return (null, "empty group name");
        }

        if (!NumericField.TryParseId(f[2], out var gid))
        {
            return (null, $"gid {NumericField.Quote(f[2])} is not a number");
        }

        var members = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (new GroupEntry(f[0], f[1], gid, members, number), null);
    }
}

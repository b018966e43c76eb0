using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Accounts;

public sealed class HtpasswdFile : AccountFile<UserPasswordEntry>
{
    private HtpasswdFile(IReadOnlyList<UserPasswordEntry> entries, IReadOnlyList<LineProblem> problems)
        : base(entries, problems)
    {
    }

    /// <summary>Reads htpasswd text: the user ends at the first ':', the rest of the line is the password field.</summary>
    public static HtpasswdFile Parse(string? text)
    {
        var (entries, problems) = AccountFileReader.Read(text, ParseLine);
        return new HtpasswdFile(entries, problems);
    }

    private static (UserPasswordEntry?, string?) ParseLine(string line, int number)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (null, "no ':' between user and password");
        }

        if (colon == 0)
        {
            return (null, "empty user name");
        }

        return (new UserPasswordEntry(line[..colon], line[(colon + 1)..], HashContext.Htpasswd, number), null);
    }
}

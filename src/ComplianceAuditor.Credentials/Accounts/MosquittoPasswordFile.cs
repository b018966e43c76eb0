using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Accounts;

public sealed class MosquittoPasswordFile : AccountFile<UserPasswordEntry>
{
    private MosquittoPasswordFile(IReadOnlyList<UserPasswordEntry> entries, IReadOnlyList<LineProblem> problems)
        : base(entries, problems)
    {
    }

    /// <summary>
    /// Reads a mosquitto password file as the broker does: user and password are the first two ':'-separated tokens,
    /// with surrounding blanks trimmed; a line without a password is dropped by the broker (a problem here).
    /// </summary>
    public static MosquittoPasswordFile Parse(string? text)
    {
        var (entries, problems) = AccountFileReader.Read(text, ParseLine);
        return new MosquittoPasswordFile(entries, problems);
    }

    private static (UserPasswordEntry?, string?) ParseLine(string line, int number)
    {
        // strtok() skips empty tokens, so "::user::pw" still reads as user and pw.
        var tokens = line.Split(':', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || !line.Contains(':', StringComparison.Ordinal))
        {
            return (null, "no ':' between user and password");
        }

        var user = tokens[0].Trim(' ', '\t');
        if (user.Length == 0)
        {
            return (null, "empty user name");
        }

        if (tokens.Length < 2 || tokens[1].Trim(' ', '\t').Length == 0)
        {
            return (null, "no password after the user; mosquitto drops this line");
        }

        return (new UserPasswordEntry(user, tokens[1].Trim(' ', '\t'), HashContext.Mosquitto, number), null);
    }
}

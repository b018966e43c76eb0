using System.Text.RegularExpressions;
using ComplianceAuditor.Credentials.Accounts;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Checks.Secrets.Accounts;

/// <summary>
/// The credentials of BusyBox httpd's configuration: a line <c>/path:user:password</c> protects a URL prefix with a
/// user and a password that is plain text or an MD5-crypt hash (<c>httpd -m</c>). Web admin pages of cheap routers and
/// cameras are guarded this way, often with a factory default. Other lines (A:, D:, H:, mime types) are not accounts.
/// </summary>
internal static partial class BusyboxHttpdFile
{
    private const int MaxAccounts = 10_000;

    public static AccountTable Parse(string text)
    {
        var accounts = new List<AccountRecord>();
        var problems = new List<LineProblem>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var match = Protection().Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            if (accounts.Count == MaxAccounts)
            {
                problems.Add(new LineProblem(number, $"more than {MaxAccounts} protected paths; the rest were not read"));
                break;
            }

            var hash = PasswordHash.Parse(match.Groups["password"].Value, HashContext.Htpasswd);
            accounts.Add(new AccountRecord(match.Groups["user"].Value, hash, number, null, true));
        }

        return new AccountTable(AccountTable.BusyboxHttpd, accounts, problems, null);
    }

    // "/cgi-bin:admin:admin": a path, then user and password; a line of at most 4,096 characters, as elsewhere.
    [GeneratedRegex(@"^/[^:\s]*:(?<user>[^:\s]{1,256}):(?<password>[^\s]{0,1024})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Protection();
}

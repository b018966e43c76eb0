using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Credentials.Hashes;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Secrets.Accounts;

/// <summary>
/// <c>extra-root-accounts</c>: a passwd file with an account other than root that has user id 0, can log in and is
/// not locked in passwd itself. Such accounts are root under another name, usually a vendor's support login.
/// </summary>
public sealed class ExtraRootAccountsCheck : AccountCheck
{
    public override string Kind => "extra-root-accounts";

    internal override IReadOnlyCollection<string> Formats { get; } = [AccountTable.Passwd];

    internal override CheckOutcome Evaluate(AccountTable table, CheckContext context, CancellationToken cancellationToken)
    {
        var extra = table.Accounts
            .Where(a => a.Uid == 0 && a.Name != "root" && a.CanLogIn && a.Hash.Scheme != HashScheme.Locked)
            .ToArray();
        if (extra.Length == 0)
        {
            var roots = table.Accounts.Count(a => a.Uid == 0);
            return CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture, $"{roots} account(s) with user id 0, none of them a second login"));
        }

        var evidence = extra.Select(a => new EvidenceItem
        {
            Kind = "text",
            Description = $"account '{a.Name}' has user id 0 and a login shell",
            Line = a.Line,
            Excerpt = $"{a.Name}: uid 0",
        }).ToArray();
        var names = string.Join(", ", extra.Select(a => $"'{a.Name}'"));
        return CheckOutcome.Fail($"besides root, {names} {(extra.Length == 1 ? "has" : "have")} user id 0 and can log in", evidence, string.Join('\n', extra.Select(a => a.Name).Order(StringComparer.Ordinal)));
    }
}

using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Credentials.Hashes;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Secrets.Accounts;

/// <summary>
/// <c>weak-password-hash</c>: accounts whose password is stored with a scheme that no longer protects it: DES crypt
/// (eight characters, 12-bit salt), MD5-crypt and Apache's apr1 (fast, so offline guessing is cheap), unsalted SHA-1,
/// NT hashes, or plain text. Locked accounts are left out: no password opens them.
/// </summary>
public sealed class WeakPasswordHashCheck : AccountCheck
{
    public override string Kind => "weak-password-hash";

    internal override IReadOnlyCollection<string> Formats { get; } =
        [AccountTable.Passwd, AccountTable.Shadow, AccountTable.Htpasswd, AccountTable.Mosquitto, AccountTable.BusyboxHttpd];

    internal override CheckOutcome Evaluate(AccountTable table, CheckContext context, CancellationToken cancellationToken)
    {
        // Empty fields are the empty-password rules' finding (CMP2001, CMP2002), not a hash scheme.
        var weak = table.Accounts.Where(a => a.Hash.Scheme is not (HashScheme.Locked or HashScheme.Empty) && a.Hash.Weakness is not null).ToArray();
        if (weak.Length == 0)
        {
            var hashed = table.Accounts.Count(a => a.Hash.IsVerifiable || a.Hash.Scheme is HashScheme.Yescrypt or HashScheme.GostYescrypt or HashScheme.Scrypt or HashScheme.Argon2);
            return CheckOutcome.Pass($"{hashed} password hash(es), none of a weak type");
        }

        var evidence = weak.Select(a => new EvidenceItem
        {
            Kind = "text",
            Description = $"account '{a.Name}': {a.Hash.Weakness}",
            Line = a.Line,
            Excerpt = $"{a.Name}: {a.Hash.Scheme.DisplayName()}",
        }).ToArray();
        var schemes = string.Join(", ", weak.Select(a => a.Hash.Scheme.DisplayName()).Distinct());
        var reason = $"{weak.Length} account(s) with weak password hashes ({schemes}): {string.Join(", ", weak.Select(a => $"'{a.Name}'"))}";
        return CheckOutcome.Fail(reason, evidence, string.Join('\n', weak.Select(a => a.Name + ":" + a.Hash.Scheme).Order(StringComparer.Ordinal)));
    }
}

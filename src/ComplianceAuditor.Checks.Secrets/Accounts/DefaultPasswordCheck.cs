using System.Globalization;
using ComplianceAuditor.Core.Model;
using ComplianceAuditor.Core.Secrets;
using ComplianceAuditor.Credentials.Cracking;
using ComplianceAuditor.Credentials.Dictionary;
using ComplianceAuditor.Credentials.Hashes;
using ComplianceAuditor.Engine;

namespace ComplianceAuditor.Checks.Secrets.Accounts;

/// <summary>
/// <c>default-password</c>: proves a universal default password by finding it. Every password hash of the file is
/// tested against the built-in dictionary of published default credentials (the Mirai scanner's list, vendor
/// defaults), the account's own name, and the names the device gives itself in the image, within the audit's
/// time budget. A match is the strongest evidence the tool can give: the account, the dictionary entry, and the
/// password redacted unless secrets are shown. Schemes the tool cannot verify (yescrypt, scrypt, argon2) leave the
/// rule inconclusive, with the accounts named, rather than passing it.
/// </summary>
public sealed class DefaultPasswordCheck : AccountCheck
{
    /// <summary>Schemes cheap enough that every pair of Mirai passwords fits in seconds.</summary>
    private static readonly HashSet<HashScheme> FastSchemes =
    [
        HashScheme.DesCrypt, HashScheme.Md5Crypt, HashScheme.AprMd5, HashScheme.LdapSha, HashScheme.LdapSsha,
        HashScheme.NtHash, HashScheme.Plaintext, HashScheme.MosquittoSha512,
    ];

    public override string Kind => "default-password";

    internal override IReadOnlyCollection<string> Formats { get; } =
        [AccountTable.Passwd, AccountTable.Shadow, AccountTable.Htpasswd, AccountTable.Mosquitto, AccountTable.BusyboxHttpd];

    internal override CheckOutcome Evaluate(AccountTable table, CheckContext context, CancellationToken cancellationToken)
    {
        // Locked fields and passwd's 'x' hold no password to test; empty fields are the CMP2001/CMP2002 rules' finding
        // in passwd and shadow, but in web and broker password files an empty password is a default like any other.
        var targets = table.Accounts
            .Where(a => a.Hash.Scheme is not (HashScheme.Locked or HashScheme.Shadowed)
                && (a.Hash.Scheme != HashScheme.Empty || table.Format is AccountTable.Htpasswd or AccountTable.Mosquitto or AccountTable.BusyboxHttpd))
            .Select(a => new CrackTarget(a.Name, a.Hash))
            .ToArray();
        if (targets.Length == 0)
        {
            return CheckOutcome.Pass("no account in this file has a password that could be tested: all are locked, kept in shadow or empty");
        }

        if (context.Options.CrackTime <= TimeSpan.Zero)
        {
            return CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture,
                $"{targets.Length} password hash(es) were not tested: testing against default credentials is switched off (--crack-time 0)"));
        }

        // Single passwords first, for every account: that is the dictionary, and it decides the rule. Then, for the
        // fast schemes only (DES, MD5, unsalted SHA-1...), every pair of two Mirai passwords run together, as vendors
        // build them. Both lists are fixed, so the verdict does not depend on the machine; the time budget is only a
        // safety cap, and a search it cuts short leaves the rule inconclusive, never passed.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var singles = Crack(targets, context.Options.CrackTime, combinations: false, DefaultCredentials.BuiltIn, ImageCandidates(context.Inventory), cancellationToken);
        var outcomes = singles;
        var note = "";
        var unmatched = singles.Where(o => o.Status == CrackStatus.NotFound).ToArray();
        if (unmatched.Length == singles.Count(o => o.Status != CrackStatus.Skipped))
        {
            var fast = unmatched.Where(o => FastSchemes.Contains(o.Hash.Scheme)).Select(o => new CrackTarget(o.Account, o.Hash)).ToArray();
            if (fast.Length > 0)
            {
                var left = context.Options.CrackTime - clock.Elapsed;
                var paired = left > TimeSpan.Zero
                    ? Crack(fast, left, combinations: true, DefaultCredentials.FromSource(DefaultCredentials.MiraiSource), [], cancellationToken)
                    : fast.Select(t => new CrackOutcome(t.Account, t.Hash, CrackStatus.NotVerified, [], null, 0, 0, "") { Stopped = true }).ToArray();
                var pairs = paired.Where(o => o.Status is CrackStatus.Cracked || o.Stopped).ToArray();
                outcomes = pairs.Length > 0 ? [.. pairs, .. singles.Where(o => pairs.All(p => p.Account != o.Account))] : singles;
                note = "; pairs of Mirai passwords were tried too";
            }

            if (fast.Length < unmatched.Length)
            {
                note += "; pairs are not tried for slow schemes (SHA-crypt, bcrypt, PBKDF2)";
            }
        }

        var lines = table.Accounts.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Line, StringComparer.Ordinal);
        var cracked = outcomes.Where(o => o.Status == CrackStatus.Cracked).ToArray();
        if (cracked.Length > 0)
        {
            var evidence = cracked.Select(o => Evidence(o, lines.GetValueOrDefault(o.Account), context.Options.ShowSecrets)).ToArray();
            var reason = string.Join("; ", cracked.Select(o => $"account '{o.Account}' has the password of {Entries(o)}"));
            return CheckOutcome.Fail(reason, evidence, string.Join('\n', cracked.Select(o => $"{o.Account}:{Entries(o)}").Order(StringComparer.Ordinal)));
        }

        var tested = outcomes.Where(o => o.Status != CrackStatus.Skipped).ToArray();
        var unproven = tested.Where(o => o.Status == CrackStatus.NotVerified).ToArray();
        var tried = singles.Sum(o => o.Tried);
        if (unproven.Length > 0)
        {
            var why = string.Join("; ", unproven.Select(o => $"'{o.Account}': {(o.Stopped ? "the search was cut short by the time budget (--crack-time); raise it to finish" : o.Reason)}"));
            return CheckOutcome.Inconclusive(string.Create(CultureInfo.InvariantCulture,
                $"{tested.Length - unproven.Length} hash(es) matched no default credential, but {unproven.Length} could not be tested fully: {why}"));
        }

        return CheckOutcome.Pass(string.Create(CultureInfo.InvariantCulture,
            $"{tested.Length} password hash(es) tested against the default-credential dictionary ({tried} tries); none matched{note}"));
    }

    private static IReadOnlyList<CrackOutcome> Crack(
        CrackTarget[] targets, TimeSpan time, bool combinations, IEnumerable<DefaultCredential> dictionary, IEnumerable<Candidate> extras, CancellationToken cancellationToken)
    {
        var budget = CrackBudget.Default with { MaxWallTime = time, TryCombinations = combinations };
        return new HashCracker(budget).Crack(targets, dictionary, extras, cancellationToken);
    }

    private static string Entries(CrackOutcome outcome) =>
        string.Join(" + ", outcome.Matches.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Source} #{m.Index}")));

    private static EvidenceItem Evidence(CrackOutcome outcome, int line, bool showSecrets) => new()
    {
        Kind = "text",
        Description = $"the {outcome.Hash.Scheme.DisplayName()} hash of '{outcome.Account}' verifies with {Entries(outcome)}",
        Line = line == 0 ? null : line,
        // The hash stays out: it is the image's own secret material and the proof does not need it shown.
        Excerpt = $"{outcome.Account}: password {SecretText.Present(outcome.Password ?? "", showSecrets)}",
    };

    /// <summary>The device's own names as passwords, as typed and in the lower-case, run-together form vendors use.</summary>
    private static List<Candidate> ImageCandidates(TargetInventory inventory)
    {
        var candidates = new List<Candidate>();
        foreach (var name in ImageIdentity.For(inventory))
        {
            var compact = new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
            foreach (var variant in new[] { name, name.ToLowerInvariant(), compact }.Distinct(StringComparer.Ordinal).Where(v => v.Length >= 3))
            {
                candidates.Add(new Candidate(Candidate.ImageStringSource, candidates.Count + 1, null, variant));
            }
        }

        return candidates;
    }
}

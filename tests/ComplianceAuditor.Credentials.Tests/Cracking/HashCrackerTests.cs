using ComplianceAuditor.Credentials.Crypt;
using ComplianceAuditor.Credentials.Cracking;
using ComplianceAuditor.Credentials.Dictionary;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Tests.Cracking;

public sealed class HashCrackerTests
{
    private static readonly IReadOnlyList<DefaultCredential> Mirai = DefaultCredentials.FromSource(DefaultCredentials.MiraiSource);

    private static CrackTarget Des(string account, string password) =>
        new(account, PasswordHash.Parse(DesCrypt.Compute(password, 'a', 'b')));

    private static CrackTarget Md5(string account, string password) =>
        new(account, PasswordHash.Parse(Md5Crypt.Compute(password, "saltsalt")));

    [Fact]
    public void Pairs_listed_for_the_account_come_first()
    {
        // "admin" is Mirai's third password (root/admin) and its fourth pair (admin/admin): for the account "admin"
        // the pair listed for it is tried, and reported, first.
        var outcome = Assert.Single(new HashCracker().Crack([Des("admin", "admin")], Mirai));
        Assert.Equal(CrackStatus.Cracked, outcome.Status);
        Assert.Equal(new Candidate("mirai-2016", 4, "admin", "admin"), Assert.Single(outcome.Matches));
        Assert.Equal(1, outcome.Tried);

        var forRoot = Assert.Single(new HashCracker().Crack([Des("root", "admin")], Mirai));
        Assert.Equal(new Candidate("mirai-2016", 3, "root", "admin"), Assert.Single(forRoot.Matches));
    }

    [Fact]
    public void The_account_name_is_tried_after_its_own_pairs()
    {
        var outcome = Assert.Single(new HashCracker().Crack([Des("camuser", "camuser")], Mirai));
        Assert.Equal(CrackStatus.Cracked, outcome.Status);
        Assert.Equal(new Candidate(Candidate.AccountNameSource, 0, "camuser", "camuser"), Assert.Single(outcome.Matches));
        Assert.Equal(1, outcome.Tried);
    }

    [Fact]
    public void Extra_candidates_from_the_image_are_tried()
    {
        var model = new Candidate(Candidate.ImageStringSource, 0, null, "ExampleCam-X1");
        var outcome = Assert.Single(new HashCracker().Crack([Md5("root", "ExampleCam-X1")], Mirai, [model]));
        Assert.Equal(CrackStatus.Cracked, outcome.Status);
        Assert.Same(model, Assert.Single(outcome.Matches));
    }

    [Fact]
    public void Two_dictionary_passwords_concatenated_are_found_with_both_entries()
    {
        var outcome = Assert.Single(new HashCracker().Crack([Md5("root", "xc3511vizxv")], Mirai));
        Assert.Equal(CrackStatus.Cracked, outcome.Status);
        Assert.Equal("xc3511vizxv", outcome.Password);
        Assert.Equal(
            [new Candidate("mirai-2016", 1, "root", "xc3511"), new Candidate("mirai-2016", 2, "root", "vizxv")],
            outcome.Matches);
        Assert.Contains("mirai-2016 #1 (root/xc3511) + mirai-2016 #2 (root/vizxv)", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_found_means_every_candidate_was_tried()
    {
        var budget = new CrackBudget { TryCombinations = false };
        var outcome = Assert.Single(new HashCracker(budget).Crack([Des("root", "Tr0ub4dor&3")], Mirai));
        Assert.Equal(CrackStatus.NotFound, outcome.Status);
        Assert.Equal(outcome.Total, outcome.Tried);
        // The 43 distinct Mirai passwords; the account's own name, "root", is one of them and is not tried twice.
        Assert.Equal(43, outcome.Total);
        Assert.Equal("none of 43 candidates matches", outcome.Reason);
    }

    [Fact]
    public void Locked_shadowed_and_empty_fields_are_settled_without_trying()
    {
        var outcomes = new HashCracker().Crack(
            [
                new CrackTarget("daemon", PasswordHash.Parse("*")),
                new CrackTarget("old", PasswordHash.Parse("!$1$deadbeef$0Huu6KHrKLVWfqa4WljDE0")),
                new CrackTarget("dnsmasq", PasswordHash.Parse("x")),
                new CrackTarget("root", PasswordHash.Parse("")),
            ],
            Mirai);

        Assert.Equal([CrackStatus.Skipped, CrackStatus.Skipped, CrackStatus.Skipped, CrackStatus.Cracked], outcomes.Select(o => o.Status));
        Assert.All(outcomes, o => Assert.Equal(0, o.Tried));
        Assert.Equal(new Candidate("mirai-2016", 12, "root", ""), Assert.Single(outcomes[3].Matches));
        Assert.Equal("", outcomes[3].Password);
    }

    [Fact]
    public void The_same_input_gives_the_same_outcomes()
    {
        CrackTarget[] targets = [Des("admin", "7ujMko0admin"), Des("guest", "nothing"), Md5("support", "support"), Des("x", "rootroot")];
        var first = new HashCracker().Crack(targets, Mirai);
        var second = new HashCracker().Crack(targets, Mirai);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(targets.Select(t => t.Account), first.Select(o => o.Account));

        static string[] Describe(IEnumerable<CrackOutcome> outcomes) =>
            outcomes.Select(o => $"{o.Account} {o.Status} {o.Tried}/{o.Total} {string.Join('+', o.Matches)} {o.Reason}").ToArray();
    }

    [Fact]
    public void Single_candidates_for_every_account_come_before_any_combination()
    {
        // The first account needs a combination, the second a single password; the budget (one millisecond per
        // candidate on this clock) covers both accounts' singles but not the first one's combinations.
        var budget = new CrackBudget { MaxWallTime = TimeSpan.FromMilliseconds(200) };
        var outcomes = new HashCracker(budget, new SteppingClock()).Crack(
            [Des("root", "zzzzzzzz"), Des("admin", "meinsm")], Mirai);

        Assert.Equal(CrackStatus.NotVerified, outcomes[0].Status);
        Assert.StartsWith("budget exhausted after ", outcomes[0].Reason, StringComparison.Ordinal);
        Assert.EndsWith($" of {outcomes[0].Total} candidates", outcomes[0].Reason, StringComparison.Ordinal);
        Assert.InRange(outcomes[0].Tried, 44, outcomes[0].Total - 1);
        Assert.Equal(CrackStatus.Cracked, outcomes[1].Status);
    }

    [Fact]
    public void Accounts_sharing_a_hash_both_get_the_outcome()
    {
        var hash = Md5("x", "xc3511vizxv").Hash;
        var outcomes = new HashCracker().Crack([new CrackTarget("root", hash), new CrackTarget("admin", hash)], Mirai);
        Assert.All(outcomes, o => Assert.Equal("xc3511vizxv", o.Password));
        Assert.Equal(["root", "admin"], outcomes.Select(o => o.Account));
    }

    [Fact]
    public void A_cancelled_run_says_how_far_it_got()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var outcome = Assert.Single(new HashCracker().Crack([Des("root", "secret")], Mirai, cancellationToken: cancelled.Token));
        Assert.Equal(CrackStatus.NotVerified, outcome.Status);
        Assert.Equal($"cancelled after 0 of {outcome.Total} candidates", outcome.Reason);
    }

    [Fact]
    public void Hashes_over_the_cost_budget_are_not_verified_and_the_reason_names_the_cost()
    {
        var outcomes = new HashCracker().Crack(
            [
                new CrackTarget("sha", PasswordHash.Parse("$6$rounds=200000$salt$" + new string('a', 86))),
                new CrackTarget("bcrypt", PasswordHash.Parse("$2b$13$abcdefghijklmnopqrstuuHIrMEWpUCQe2YqFR3sXwQ75u4od..9q")),
                new CrackTarget("yes", PasswordHash.Parse("$y$j9T$abcdefgh$UGYCVcUwcoG0k8SZZ.Uz3i0RYQNy1YmYj4I4poBPer2")),
            ],
            Mirai);

        Assert.All(outcomes, o => Assert.Equal(CrackStatus.NotVerified, o.Status));
        Assert.Contains("200000 rounds", outcomes[0].Reason, StringComparison.Ordinal);
        Assert.Contains("cost 13", outcomes[1].Reason, StringComparison.Ordinal);
        Assert.Contains("yescrypt", outcomes[2].Reason, StringComparison.Ordinal);
    }
}

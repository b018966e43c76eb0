using ComplianceAuditor.Credentials.Crypt;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Cracking;

/// <summary>The progress of one account through its plan, and the outcome it ends with.</summary>
internal sealed class TargetRun
{
    private CrackOutcome? settled;

    public TargetRun(CrackTarget target, CandidatePlan plan, CostLimits costs)
    {
        Target = target;
        Plan = plan;
        settled = Classify(costs);
    }

    public CrackTarget Target { get; }

    public CandidatePlan Plan { get; }

    public int Tried { get; set; }

    public bool IsSettled => settled is not null;

    public void Crack(IReadOnlyList<Candidate> parts, string password)
    {
        var source = string.Join(" + ", parts.Select(part => part.ToString()));
        // The password stays out of the reason: callers decide whether it may be shown.
        var reason = $"the password of {source}";
        Settle(CrackStatus.Cracked, parts, password, reason);
    }

    public void Fail(string reason) => Settle(CrackStatus.NotVerified, [], null, reason);

    /// <summary>The outcome: settled earlier, or decided now by whether the run was stopped before the end.</summary>
    public CrackOutcome Finish(string? stop)
    {
        if (settled is not null)
        {
            return settled;
        }

        return stop is not null && Tried < Plan.Total
            ? Outcome(CrackStatus.NotVerified, [], null, $"{stop} after {Tried} of {Plan.Total} candidates") with { Stopped = true }
            : Outcome(CrackStatus.NotFound, [], null, $"none of {Plan.Total} candidates matches");
    }

    private CrackOutcome? Classify(CostLimits costs)
    {
        var hash = Target.Hash;
        switch (hash.Scheme)
        {
            case HashScheme.Locked or HashScheme.Shadowed:
                return Outcome(CrackStatus.Skipped, [], null, hash.Reason ?? "no password logs in to this account");
            case HashScheme.Empty:
                // Nothing to test: say which listed login is the empty one, if any, so the finding can name it.
                var empty = Plan.Singles.FirstOrDefault(c => c.Password.Length == 0)
                    ?? new Candidate(Candidate.EmptyFieldSource, 0, Target.Account, "");
                return Outcome(CrackStatus.Cracked, [empty], "", "the password field is empty: no password is asked");
        }

        var why = CryptVerifier.WhyNotVerifiable(hash, costs);
        return why is null ? null : Outcome(CrackStatus.NotVerified, [], null, why);
    }

    private void Settle(CrackStatus status, IReadOnlyList<Candidate> parts, string? password, string reason) =>
        settled = Outcome(status, parts, password, reason);

    private CrackOutcome Outcome(CrackStatus status, IReadOnlyList<Candidate> parts, string? password, string reason) =>
        new(Target.Account, Target.Hash, status, parts, password, Tried, Plan.Total, reason);
}

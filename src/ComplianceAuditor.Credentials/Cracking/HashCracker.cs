using ComplianceAuditor.Credentials.Crypt;
using ComplianceAuditor.Credentials.Dictionary;
using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Cracking;

/// <summary>
/// Tries known default passwords against account hashes within a <see cref="CrackBudget"/>. The work is sequential
/// and in a fixed order (single candidates for every account first, then combinations), so the same input always gives
/// the same outcomes unless the budget or the cancellation token stops it, which the outcomes then say.
/// </summary>
public sealed class HashCracker
{
    private readonly CrackBudget budget;
    private readonly TimeProvider time;
    private readonly CostLimits costs;

    public HashCracker(CrackBudget? budget = null, TimeProvider? timeProvider = null)
    {
        this.budget = budget ?? CrackBudget.Default;
        time = timeProvider ?? TimeProvider.System;
        costs = this.budget.Costs;
    }

    public IReadOnlyList<CrackOutcome> Crack(
        IEnumerable<CrackTarget> targets,
        IEnumerable<DefaultCredential> dictionary,
        IEnumerable<Candidate>? extras = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        var candidates = dictionary.Select(Candidate.From).Concat(extras ?? []);
        return Crack(targets, candidates, cancellationToken);
    }

    public IReadOnlyList<CrackOutcome> Crack(
        IEnumerable<CrackTarget> targets, IEnumerable<Candidate> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(candidates);
        var started = time.GetTimestamp();
        var usable = candidates.Where(c => c is not null && c.Password is not null && !PasswordBytes.IsTooLong(c.Password)).ToList();
        var pairParts = CandidatePlan.PairPartsOf(usable, budget);

        var runs = targets.Where(t => t is not null).Select(t => new TargetRun(
            t, CandidatePlan.For(t.Account ?? "", usable, pairParts), costs)).ToList();

        // Accounts that share a hash (copied images, one password set for several users) are computed once.
        var shared = runs.GroupBy(run => (run.Target.Hash.Text, run.Target.Hash.Context)).Where(group => group.Count() > 1)
            .Select(group => group.Key).ToHashSet();
        var cache = new Dictionary<(string Text, HashContext Context, string Password), VerifyResult>();

        string? stop = null;
        foreach (var pairs in new[] { false, true })
        {
            foreach (var run in runs)
            {
                var hashCache = shared.Contains((run.Target.Hash.Text, run.Target.Hash.Context)) ? cache : null;
                stop ??= RunPhase(run, pairs, started, hashCache, cancellationToken);
            }
        }

        return runs.Select(run => run.Finish(stop)).ToList();
    }

    /// <summary>Runs the single candidates or the combinations for one account; returns why work stopped, if it did.</summary>
    private string? RunPhase(
        TargetRun run,
        bool pairs,
        long started,
        Dictionary<(string Text, HashContext Context, string Password), VerifyResult>? cache,
        CancellationToken cancellationToken)
    {
        if (run.IsSettled)
        {
            return null;
        }

        var plan = run.Plan;
        var (from, to) = pairs ? (plan.Singles.Count, plan.Total) : (0, plan.Singles.Count);
        for (var position = from; position < to; position++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return "cancelled";
            }

            if (time.GetElapsedTime(started) > budget.MaxWallTime)
            {
                return "budget exhausted";
            }

            var (parts, password) = plan.At(position);
            var hash = run.Target.Hash;
            if (cache is null || !cache.TryGetValue((hash.Text, hash.Context, password), out var result))
            {
                result = CryptVerifier.Verify(hash, password, costs);
                cache?.Add((hash.Text, hash.Context, password), result);
            }

            run.Tried++;
            if (result == VerifyResult.Match)
            {
                run.Crack(parts, password);
                return null;
            }

            if (result == VerifyResult.NotVerifiable)
            {
                run.Fail("the verifier could not test this hash");
                return null;
            }
        }

        return null;
    }
}

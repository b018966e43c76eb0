namespace ComplianceAuditor.Credentials.Cracking;

/// <summary>
/// The order candidates are tried in for one account: the pairs listed for that account, then the account's own name,
/// then every other distinct password in list order; concatenations of two passwords come last, from a list shared by
/// all accounts.
/// </summary>
internal sealed class CandidatePlan
{
    /// <summary>Keeps the square, and so every count and position, within an int.</summary>
    private const int MaxPairParts = 20_000;

    private CandidatePlan(IReadOnlyList<Candidate> singles, IReadOnlyList<Candidate> pairParts)
    {
        Singles = singles;
        PairParts = pairParts;
    }

    public IReadOnlyList<Candidate> Singles { get; }

    public IReadOnlyList<Candidate> PairParts { get; }

    public int PairCount => PairParts.Count * PairParts.Count;

    public int Total => Singles.Count + PairCount;

    public static CandidatePlan For(string account, IReadOnlyList<Candidate> candidates, IReadOnlyList<Candidate> pairParts)
    {
        var singles = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate.Username, account, StringComparison.Ordinal) && seen.Add(candidate.Password))
            {
                singles.Add(candidate);
            }
        }

        if (seen.Add(account))
        {
            singles.Add(new Candidate(Candidate.AccountNameSource, 0, account, account));
        }

        foreach (var candidate in candidates)
        {
            if (seen.Add(candidate.Password))
            {
                singles.Add(candidate);
            }
        }

        return new CandidatePlan(singles, pairParts);
    }

    /// <summary>The distinct non-empty passwords, first occurrence of each, that combinations are made of.</summary>
    public static IReadOnlyList<Candidate> PairPartsOf(IReadOnlyList<Candidate> candidates, CrackBudget budget)
    {
        if (!budget.TryCombinations)
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return candidates.Where(candidate => candidate.Password.Length > 0 && seen.Add(candidate.Password))
            .Take(Math.Clamp(budget.MaxCombinationPasswords, 0, MaxPairParts))
            .ToList();
    }

    /// <summary>The candidate(s) behind position <paramref name="position"/> of the plan, and the password there.</summary>
    public (IReadOnlyList<Candidate> Parts, string Password) At(int position)
    {
        if (position < Singles.Count)
        {
            var single = Singles[position];
            return ([single], single.Password);
        }

        var pair = position - Singles.Count;
        var first = PairParts[pair / PairParts.Count];
        var second = PairParts[pair % PairParts.Count];
        return ([first, second], first.Password + second.Password);
    }
}

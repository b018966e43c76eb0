using ComplianceAuditor.Credentials.Crypt;

namespace ComplianceAuditor.Credentials.Cracking;

/// <summary>How much work a dictionary check may do, in total and per hash.</summary>
public sealed record CrackBudget
{
    public static CrackBudget Default { get; } = new();

    /// <summary>Wall time for the whole set of targets; past it the remaining ones are reported as not verified.</summary>
    public TimeSpan MaxWallTime { get; init; } = TimeSpan.FromSeconds(10);

    public long MaxShaCryptRounds { get; init; } = CostLimits.Default.MaxShaCryptRounds;

    public int MaxBcryptCost { get; init; } = CostLimits.Default.MaxBcryptCost;

    public long MaxPbkdf2Iterations { get; init; } = CostLimits.Default.MaxPbkdf2Iterations;

    /// <summary>Whether to try every concatenation of two candidate passwords after the single ones.</summary>
    public bool TryCombinations { get; init; } = true;

    /// <summary>How many distinct passwords take part in combinations (their square is the number of pairs).</summary>
    public int MaxCombinationPasswords { get; init; } = 500;

    internal CostLimits Costs => new()
    {
        MaxShaCryptRounds = MaxShaCryptRounds,
        MaxBcryptCost = MaxBcryptCost,
        MaxPbkdf2Iterations = MaxPbkdf2Iterations,
    };
}

namespace ComplianceAuditor.Credentials.Crypt;

/// <summary>
/// The most work one verification may take, per kind of work factor. Firmware may carry absurd factors (on purpose or
/// not) and one SHA-crypt check with 999,999,999 rounds takes minutes; beyond these limits a hash is not tested.
/// </summary>
public sealed record CostLimits
{
    public static CostLimits Default { get; } = new();

    /// <summary>SHA-256/512-crypt rounds (5000 unless the field says otherwise).</summary>
    public long MaxShaCryptRounds { get; init; } = 100_000;

    /// <summary>bcrypt's cost, the log2 of its rounds: 12 is about a quarter of a second.</summary>
    public int MaxBcryptCost { get; init; } = 12;

    /// <summary>PBKDF2 iterations (mosquitto 2.x writes 101 by default).</summary>
    public long MaxPbkdf2Iterations { get; init; } = 100_000;
}

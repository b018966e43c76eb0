using ComplianceAuditor.Credentials.Hashes;

namespace ComplianceAuditor.Credentials.Cracking;

/// <summary>What the dictionary check found for one account.</summary>
/// <param name="Matches">The candidate that matched, or the two whose concatenation did; empty otherwise.</param>
/// <param name="Password">The matching password, null unless <see cref="CrackStatus.Cracked"/>.</param>
/// <param name="Tried">How many candidates were tested against this account's hash.</param>
/// <param name="Total">How many candidates the plan held for it (singles, then pairs).</param>
public sealed record CrackOutcome(
    string Account,
    PasswordHash Hash,
    CrackStatus Status,
    IReadOnlyList<Candidate> Matches,
    string? Password,
    int Tried,
    int Total,
    string Reason);

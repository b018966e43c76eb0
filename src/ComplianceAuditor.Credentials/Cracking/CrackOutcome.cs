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
    string Reason)
{
    /// <summary>
    /// The time budget or a cancellation stopped the search before this account's candidates were all tried. The
    /// reason then holds how far it got, which depends on the machine; callers that need a stable verdict say so
    /// in their own words.
    /// </summary>
    public bool Stopped { get; init; }
}

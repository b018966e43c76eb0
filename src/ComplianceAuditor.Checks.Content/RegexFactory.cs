using System.Text.RegularExpressions;

namespace ComplianceAuditor.Checks.Content;

/// <summary>
/// Compiles rule patterns for the non-backtracking engine when the pattern allows it (linear time whatever the
/// input), and otherwise for the backtracking one; both under a match time limit, because firmware text is hostile.
/// </summary>
public static class RegexFactory
{
    // Building the automaton of a large pattern takes tens of milliseconds, and every rule is prepared twice (verified,
    // then run); a Regex is immutable and safe to share between threads, so each distinct pattern is built once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool, TimeSpan), Regex> Cache = new();

    public static Regex Create(string pattern, bool ignoreCase, TimeSpan timeout) =>
        Cache.GetOrAdd((pattern, ignoreCase, timeout), key => Build(key.Item1, key.Item2, key.Item3));

    private static Regex Build(string pattern, bool ignoreCase, TimeSpan timeout)
    {
        var options = RegexOptions.Multiline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, timeout);
        }
        catch (NotSupportedException)
        {
            // Lookarounds, backreferences and atomic groups need the backtracking engine; the timeout still bounds it,
            // and compiling it matters because the whole file is matched under one time limit.
            return new Regex(pattern, options | RegexOptions.Compiled, timeout);
        }
    }
}

using System.Text.RegularExpressions;

namespace ComplianceAuditor.Checks.Content;

/// <summary>
/// Compiles rule patterns for the non-backtracking engine when the pattern allows it (linear time whatever the
/// input), and otherwise for the backtracking one; both under a match time limit, because firmware text is hostile.
/// </summary>
public static class RegexFactory
{
    public static Regex Create(string pattern, bool ignoreCase, TimeSpan timeout)
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

namespace ComplianceAuditor.Core.Text;

/// <summary>
/// A path glob over forward-slash relative paths: <c>*</c> and <c>?</c> stay within one folder, <c>**</c> crosses
/// folders, <c>{a,b}</c> picks one alternative. As in a .gitignore line, a glob without a <c>/</c> matches the file
/// name at any depth (<c>shadow</c> finds <c>etc/shadow</c>), and a leading <c>/</c> anchors the glob at the root
/// (<c>/SECURITY.md</c> does not find <c>docs/SECURITY.md</c>).
/// </summary>
public sealed class PathGlob
{
    /// <summary>Shared per glob: the same globs recur across rules and runs of the verifier and the engine.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, GlobAutomaton> Compiled = new(StringComparer.Ordinal);
    private readonly GlobAutomaton _automaton;

    /// <summary>A run of plain characters every match must contain; most paths fail this ordinal test before the automaton runs.</summary>
    private readonly string _required;

    public PathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        var trimmed = pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[1..] : pattern;
        var anchored = trimmed.StartsWith('/');
        var normalized = trimmed.TrimStart('/');
        if (!anchored && !normalized.Contains('/', StringComparison.Ordinal))
        {
            normalized = "**/" + normalized;
        }

        _required = RequiredLiteral(normalized);
        _automaton = Compiled.GetOrAdd(normalized, GlobAutomaton.Compile);
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) =>
        relativePath.Contains(_required, StringComparison.Ordinal) && _automaton.IsMatch(relativePath);

    public override string ToString() => Pattern;

    /// <summary>
    /// The longest run of characters outside braces that are not wildcards: any match holds it verbatim. The slash of
    /// a leading <c>**/</c> belongs to the wildcard (<c>**/shadow</c> matches <c>shadow</c>).
    /// </summary>
    private static string RequiredLiteral(string glob)
    {
        var braceDepth = 0;
        string longest = "", run = "";
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && glob.AsSpan(i).StartsWith("**/") && (i == 0 || glob[i - 1] == '/'))
            {
                run = "";
                i += 2;
                continue;
            }

            var literal = braceDepth == 0 && c is not ('*' or '?' or '{');
            run = literal ? run + c : "";
            longest = run.Length > longest.Length ? run : longest;
            braceDepth += c switch
            {
                '{' => 1,
                '}' when braceDepth > 0 => -1,
                _ => 0,
            };
        }

        return longest;
    }
}

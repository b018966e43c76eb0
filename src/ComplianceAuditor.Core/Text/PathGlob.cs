using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceAuditor.Core.Text;

/// <summary>
/// A path glob over forward-slash relative paths: <c>*</c> and <c>?</c> stay within one folder, <c>**</c> crosses
/// folders, <c>{a,b}</c> picks one alternative. As in a .gitignore line, a glob without a <c>/</c> matches the file
/// name at any depth (<c>shadow</c> finds <c>etc/shadow</c>), and a leading <c>/</c> anchors the glob at the root
/// (<c>/SECURITY.md</c> does not find <c>docs/SECURITY.md</c>).
/// </summary>
public sealed class PathGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);
    private readonly Regex _regex;

    /// <summary>A run of plain characters every match must contain; most paths fail this ordinal test before the regex runs.</summary>
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

        // Built from our own translation with no nested quantifiers, so the non-backtracking engine always accepts it.
        // Shared per translated pattern: the same globs recur across rules and runs of the verifier and the engine.
        var (translated, required) = Translate(normalized);
        _required = required;
        _regex = Compiled.GetOrAdd("^" + translated + "$", p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout));
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) =>
        relativePath.Contains(_required, StringComparison.Ordinal) && _regex.IsMatch(relativePath);

    public override string ToString() => Pattern;

    private static (string Regex, string RequiredLiteral) Translate(string glob)
    {
        var sb = new StringBuilder();
        var braceDepth = 0;
        string longest = "", run = "";
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];

            // Characters outside braces that are not wildcards must appear verbatim, in a row, in any matching path.
            var literal = braceDepth == 0 && c is not ('*' or '?' or '{');
            run = literal ? run + c : "";
            longest = run.Length > longest.Length ? run : longest;
            switch (c)
            {
                // '**' crosses folders only as a whole path segment (as in .gitignore); inside a name it is a plain '*'.
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*' && (i == 0 || glob[i - 1] == '/'):
                    var slashFollows = i + 2 < glob.Length && glob[i + 2] == '/';
                    var atEnd = i + 2 == glob.Length;
                    sb.Append(slashFollows ? "(?:[^/]*/)*" : atEnd ? ".*" : "[^/]*");
                    i += slashFollows ? 2 : 1;
                    break;
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    sb.Append("[^/]*");
                    i++;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '{':
                    braceDepth++;
                    sb.Append("(?:");
                    break;
                case '}' when braceDepth > 0:
                    braceDepth--;
                    sb.Append(')');
                    break;
                case ',' when braceDepth > 0:
                    sb.Append('|');
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braceDepth != 0)
        {
            throw new ArgumentException($"unbalanced braces in glob '{glob}'", nameof(glob));
        }

        return (sb.ToString(), longest);
    }
}

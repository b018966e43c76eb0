using System.Text.RegularExpressions;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// Checks a template's text before Fluid parses it: its parser, its visitors and its renderer recurse once per nested
/// block and once per filter, operator or index within a tag, so a template of a few hundred kilobytes (3,000 nested
/// <c>if</c>s, 10,000 filters in one output) overflows the stack, which no exception handler can catch and which ends
/// the process. Both are bounded far above what a report needs (the built-in templates nest 5 deep and chain at most 4
/// filters).
/// </summary>
internal static partial class TemplateShape
{
    /// <summary>Deepest nesting of blocks (<c>if</c>, <c>for</c>, <c>capture</c>, ...).</summary>
    public const int MaxNesting = 100;

    /// <summary>Most filters, <c>and</c>/<c>or</c> and indexes in one tag (or one line of a <c>liquid</c> tag).</summary>
    public const int MaxOperations = 100;

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "if", "unless", "case", "for", "tablerow", "capture", "comment", "raw" };

    /// <summary>Throws a <see cref="TemplateException"/> naming the file and line of the first tag past a bound.</summary>
    public static void Check(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var depth = 0;
        foreach (Match tag in Tags().Matches(text))
        {
            var line = 1 + text.AsSpan(0, tag.Index).Count('\n');
            if (tag.Groups["output"].Success)
            {
                CheckOperations(tag.Groups["output"].Value, source, line);
                continue;
            }

            var (name, rest) = Split(tag.Groups["tag"].Value);
            // A liquid tag holds one statement a line, each opening or closing blocks like a tag of its own.
            var statements = name == "liquid" ? rest.Split('\n').Select(Split) : [(name, rest)];
            foreach (var (statement, arguments) in statements)
            {
                CheckOperations(arguments, source, line);
                if (Blocks.Contains(statement) && ++depth > MaxNesting)
                {
                    throw new TemplateException($"{source}:{line}: blocks are nested more than {MaxNesting} deep; a template may nest at most {MaxNesting}");
                }

                if (statement.StartsWith("end", StringComparison.Ordinal) && Blocks.Contains(statement[3..]))
                {
                    depth = Math.Max(0, depth - 1);
                }
            }
        }
    }

    private static void CheckOperations(string expression, string source, int line)
    {
        var operations = expression.Count('|') + expression.Count('[') + Operators().Count(expression);
        if (operations > MaxOperations)
        {
            throw new TemplateException($"{source}:{line}: a tag with {operations} filters, operators and indexes; a template may use at most {MaxOperations} in one tag");
        }
    }

    private static (string Name, string Arguments) Split(string statement)
    {
        var trimmed = statement.Trim();
        var space = trimmed.AsSpan().IndexOfAny(" \t\r\n");
        return space < 0 ? (trimmed, string.Empty) : (trimmed[..space], trimmed[space..]);
    }

    [GeneratedRegex(@"\{\{-?(?<output>.*?)-?\}\}|\{%-?(?<tag>.*?)-?%\}", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 10_000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\b(and|or)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 10_000)]
    private static partial Regex Operators();
}

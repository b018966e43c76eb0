using System.Globalization;

namespace ComplianceAuditor.Update.Configuration.Parsing;

/// <summary>
/// Reads a libconfig file into flat settings: <c>suricatta.url</c>, <c>update-types[1].no-downgrading</c>. Groups
/// nest by name, lists and arrays by index. Nesting is bounded by <see cref="MaxDepth"/>; on a syntax error the
/// settings read so far are kept and the error is returned as the problem.
/// </summary>
internal sealed class LibconfigReader
{
    public const int MaxDepth = 32;
    public const int MaxEntries = 20_000;

    private readonly List<LibconfigToken> tokens;
    private readonly List<ConfigEntry> entries = [];
    private int position;

    private LibconfigReader(List<LibconfigToken> tokens) => this.tokens = tokens;

    public static IReadOnlyList<ConfigEntry> Read(string text, out string? problem)
    {
        var reader = new LibconfigReader(LibconfigLexer.Tokenize(text, out var lexProblem));
        problem = reader.Settings(prefix: string.Empty, depth: 0, closing: null) ?? lexProblem;
        return reader.entries;
    }

    /// <summary>Reads settings until <paramref name="closing"/> (or the end); returns a problem or null.</summary>
    private string? Settings(string prefix, int depth, string? closing)
    {
        while (position < tokens.Count)
        {
            var token = tokens[position];
            if (closing is not null && IsPunctuation(token, closing))
            {
                position++;
                return null;
            }

            if (token.Kind != LibconfigTokenKind.Word)
            {
                return Unexpected(token);
            }

            position++;
            if (position >= tokens.Count || !(IsPunctuation(tokens[position], "=") || IsPunctuation(tokens[position], ":")))
            {
                return Describe(token.Line, $"'{token.Text}' is not followed by '=' or ':'");
            }

            position++;
            var problem = Value(prefix + token.Text, depth);
            if (problem is not null)
            {
                return problem;
            }

            if (position < tokens.Count && (IsPunctuation(tokens[position], ";") || IsPunctuation(tokens[position], ",")))
            {
                position++;
            }
        }

        return closing is null ? null : Describe(tokens.Count > 0 ? tokens[^1].Line : 1, $"the file ends before '{closing}'");
    }

    private string? Value(string key, int depth)
    {
        if (depth >= MaxDepth)
        {
            return Describe(tokens[Math.Min(position, tokens.Count - 1)].Line, $"nesting deeper than {MaxDepth}");
        }

        if (position >= tokens.Count)
        {
            return Describe(tokens[^1].Line, $"'{key}' has no value");
        }

        var token = tokens[position++];
        if (token.Kind != LibconfigTokenKind.Punctuation)
        {
            if (entries.Count < MaxEntries)
            {
                entries.Add(new ConfigEntry(key, token.Text, token.Line));
            }

            return null;
        }

        return token.Text switch
        {
            "{" => Settings(key + ".", depth + 1, "}"),
            "(" => Elements(key, depth + 1, ")"),
            "[" => Elements(key, depth + 1, "]"),
            _ => Unexpected(token),
        };
    }

    private string? Elements(string key, int depth, string closing)
    {
        for (var index = 0; position < tokens.Count; index++)
        {
            if (IsPunctuation(tokens[position], closing))
            {
                position++;
                return null;
            }

            var problem = Value(key + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", depth);
            if (problem is not null)
            {
                return problem;
            }

            if (position < tokens.Count && IsPunctuation(tokens[position], ","))
            {
                position++;
            }
        }

        return Describe(tokens.Count > 0 ? tokens[^1].Line : 1, $"the file ends before '{closing}'");
    }

    private static bool IsPunctuation(LibconfigToken token, string text) =>
        token.Kind == LibconfigTokenKind.Punctuation && token.Text == text;

    private static string Unexpected(LibconfigToken token) => Describe(token.Line, $"unexpected '{Shorten(token.Text)}'");

    private static string Describe(int line, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"libconfig syntax error at line {line}: {what}");

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
